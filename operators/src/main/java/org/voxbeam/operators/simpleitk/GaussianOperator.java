package org.voxbeam.operators.simpleitk;

/**
 * ITK's {@code GaussianOperator}: the discrete Gaussian kernel of a variance in voxel units, {@code
 * e^-t·I_n(t)} from modified Bessel functions (ITK's polynomial approximations of {@code I_0} and
 * {@code I_1} and its downward recurrence for {@code I_n}), grown until the coefficients sum to
 * {@code 1 - maximumError} or the half-kernel exceeds {@code maximumKernelWidth} entries, then
 * normalised to sum 1 over the half kernel counted twice — ITK's own arithmetic, so the
 * coefficients match it to the last bit.
 */
final class GaussianOperator {
  private static final double ACCURACY = 40.0;

  private GaussianOperator() {}

  /** The symmetric kernel, {@code 2·radius + 1} coefficients, offset {@code -radius} first. */
  static double[] coefficients(double variance, double maximumError, long maximumKernelWidth) {
    java.util.List<Double> half = new java.util.ArrayList<>();
    double et = Math.exp(-variance);
    double cap = 1.0 - maximumError;
    double sum = 0.0;
    half.add(et * besselI0(variance));
    sum += half.get(0);
    half.add(et * besselI1(variance));
    sum += half.get(1) * 2.0;
    for (int i = 2; sum < cap; i++) {
      double c = et * besselI(i, variance);
      half.add(c);
      sum += c * 2.0;
      if (c <= 0.0 || half.size() > maximumKernelWidth) {
        break;
      }
    }
    int radius = half.size() - 1;
    double[] kernel = new double[2 * radius + 1];
    for (int i = 0; i <= radius; i++) {
      double c = half.get(i) / sum;
      kernel[radius + i] = c;
      kernel[radius - i] = c;
    }
    return kernel;
  }

  static double besselI0(double y) {
    double d = Math.abs(y);
    if (d < 3.75) {
      double m = y / 3.75;
      m *= m;
      return 1.0
          + m
              * (3.5156229
                  + m
                      * (3.0899424
                          + m
                              * (1.2067492
                                  + m * (0.2659732 + m * (0.360768e-1 + m * 0.45813e-2)))));
    }
    double m = 3.75 / d;
    return (Math.exp(d) / Math.sqrt(d))
        * (0.39894228
            + m
                * (0.1328592e-1
                    + m
                        * (0.225319e-2
                            + m
                                * (-0.157565e-2
                                    + m
                                        * (0.916281e-2
                                            + m
                                                * (-0.2057706e-1
                                                    + m
                                                        * (0.2635537e-1
                                                            + m
                                                                * (-0.1647633e-1
                                                                    + m * 0.392377e-2))))))));
  }

  static double besselI1(double y) {
    double d = Math.abs(y);
    double accumulator;
    if (d < 3.75) {
      double m = y / 3.75;
      m *= m;
      accumulator =
          d
              * (0.5
                  + m
                      * (0.87890594
                          + m
                              * (0.51498869
                                  + m
                                      * (0.15084934
                                          + m
                                              * (0.2658733e-1
                                                  + m * (0.301532e-2 + m * 0.32411e-3))))));
    } else {
      double m = 3.75 / d;
      accumulator = 0.2282967e-1 + m * (-0.2895312e-1 + m * (0.1787654e-1 - m * 0.420059e-2));
      accumulator =
          0.39894228
              + m
                  * (-0.3988024e-1
                      + m
                          * (-0.362018e-2
                              + m * (0.163801e-2 + m * (-0.1031555e-1 + m * accumulator))));
      accumulator *= Math.exp(d) / Math.sqrt(d);
    }
    return y < 0.0 ? -accumulator : accumulator;
  }

  static double besselI(int n, double y) {
    if (y == 0.0) {
      return 0.0;
    }
    double toy = 2.0 / Math.abs(y);
    double qip = 0.0;
    double accumulator = 0.0;
    double qi = 1.0;
    for (int j = 2 * (n + (int) Math.sqrt(ACCURACY * n)); j > 0; j--) {
      double qim = qip + j * toy * qi;
      qip = qi;
      qi = qim;
      if (Math.abs(qi) > 1.0e10) {
        accumulator *= 1.0e-10;
        qi *= 1.0e-10;
        qip *= 1.0e-10;
      }
      if (j == n) {
        accumulator = qip;
      }
    }
    accumulator *= besselI0(y) / qi;
    return y < 0.0 && (n & 1) == 1 ? -accumulator : accumulator;
  }
}
