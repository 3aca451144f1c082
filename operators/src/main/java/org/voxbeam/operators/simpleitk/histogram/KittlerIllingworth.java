package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code KittlerIllingworthThresholdCalculator}: minimum-error thresholding, iterated from
 * the bin of the mean until the threshold repeats. ITK's failures (a class with no counts or no
 * spread) are its exceptions; where it stops with a warning, the last threshold stands. VoxBeam
 * gives up after 10,000 iterations, where ITK would loop on.
 */
public final class KittlerIllingworth implements ThresholdCalculator {
  private static final double EPSILON = Math.ulp(1.0);
  private static final int MAXIMUM_ITERATIONS = 10_000;

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    if (size == 1) {
      return histogram.measurement(0);
    }
    double[] a = new double[size];
    double[] b = new double[size];
    double[] c = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double m = histogram.measurement(i);
      double f = histogram.frequency(i);
      a[i] = (i > 0 ? a[i - 1] : 0) + f;
      b[i] = (i > 0 ? b[i - 1] : 0) + m * f;
      c[i] = (i > 0 ? c[i - 1] : 0) + m * m * f;
      sum += m * histogram.frequency(i);
    }
    int threshold = lookUp(histogram, sum / histogram.totalFrequency(), "Failed histogram lookup");
    int previous = -2;
    double as1 = a[size - 1];
    double bs1 = b[size - 1];
    double cs1 = c[size - 1];
    if (Math.abs(as1) < EPSILON) {
      throw new HistogramException("As1 = 0.");
    }
    int iterations = 0;
    while (threshold != previous) {
      if (++iterations > MAXIMUM_ITERATIONS) {
        throw new HistogramException(
            "the iteration did not settle in " + MAXIMUM_ITERATIONS + " steps");
      }
      double at = a[threshold];
      double bt = b[threshold];
      double ct = c[threshold];
      if (Math.abs(at) < EPSILON) {
        throw new HistogramException("At = 0.");
      }
      double mu = bt / at;
      if (Math.abs(as1 - at) < EPSILON) {
        break;
      }
      double nu = (bs1 - bt) / (as1 - at);
      double p = at / as1;
      double q = (as1 - at) / as1;
      double sigma2 = ct / at - (mu * mu);
      double tau2 = (cs1 - ct) / (as1 - at) - (nu * nu);
      if (sigma2 < EPSILON) {
        throw new HistogramException("sigma2 <= 0");
      }
      if (Math.abs(tau2) < EPSILON) {
        throw new HistogramException("tau2 = 0");
      }
      if (Math.abs(p) < EPSILON) {
        throw new HistogramException("p = 0");
      }
      double w0 = 1.0 / sigma2 - 1.0 / tau2;
      double w1 = mu / sigma2 - nu / tau2;
      double w2 =
          (mu * mu) / sigma2
              - (nu * nu) / tau2
              + StrictMath.log10((sigma2 * (q * q)) / (tau2 * p * p));
      double sqterm = w1 * w1 - w0 * w2;
      if (sqterm < EPSILON) {
        break;
      }
      String failed = "KittlerIllingworthThresholdCalculator failed to lookup threshold";
      if (Math.abs(w0) < EPSILON) {
        threshold = lookUp(histogram, -w2 / w1, failed);
      } else {
        previous = threshold;
        double temp = (w1 + Math.sqrt(sqterm)) / w0;
        if (Double.isNaN(temp)) {
          threshold = previous;
          break;
        }
        threshold = lookUp(histogram, temp, failed);
      }
    }
    return histogram.measurement(threshold);
  }

  private static int lookUp(Histogram histogram, double value, String failure) {
    int index = histogram.index(value);
    if (index >= histogram.size()) {
      throw new HistogramException(failure);
    }
    return index;
  }
}
