package org.voxbeam.operators.simpleitk;

/**
 * ITK's {@code RecursiveGaussianImageFilter} along one line: Deriche's fourth-order IIR
 * approximation of a Gaussian (order 0) or of its first or second derivative, a causal and an
 * anti-causal pass summed, with ITK's coefficients, normalisation and border initialisation (the
 * border value repeated outside the line, in the steady state of the recursion). The arithmetic
 * follows ITK's expression order in {@code double}.
 */
final class DericheFilter {
  /** The derivative orders, as SimpleITK's {@code Order} enumerator numbers them. */
  static final int ZERO = 0;

  static final int FIRST = 1;
  static final int SECOND = 2;

  private final double n0;
  private final double n1;
  private final double n2;
  private final double n3;
  private final double d1;
  private final double d2;
  private final double d3;
  private final double d4;
  private final double m1;
  private final double m2;
  private final double m3;
  private final double m4;
  private final double bn1;
  private final double bn2;
  private final double bn3;
  private final double bn4;
  private final double bm1;
  private final double bm2;
  private final double bm3;
  private final double bm4;

  /** {@code N0..N3, SN, DN, EN} of one of Deriche's exponential series. */
  private record Numerator(
      double n0, double n1, double n2, double n3, double sn, double dn, double en) {}

  /**
   * The filter for {@code sigma} in physical units on a line of the given spacing.
   *
   * @throws IllegalArgumentException for a spacing too small to be real, as ITK refuses it
   */
  DericheFilter(double sigma, double spacing, int order, boolean normalizeAcrossScale) {
    double direction = 1.0;
    if (spacing < 0.0) {
      direction = -1.0;
      spacing = -spacing;
    }
    if (spacing < 1e-8) {
      throw new IllegalArgumentException("the spacing " + spacing + " is suspiciously small");
    }
    double sigmad = sigma / spacing;
    double acrossScale = 1.0;
    double w1 = 0.6681;
    double l1 = -1.3932;
    double w2 = 2.0787;
    double l2 = -1.3732;
    double[] a1 = {1.3530, -0.6724, -1.3563};
    double[] b1 = {1.8151, -3.4327, 5.2318};
    double[] a2 = {-0.3531, 0.6724, 0.3446};
    double[] b2 = {0.0902, 0.6100, -2.2355};

    double cos1 = Math.cos(w1 / sigmad);
    double cos2 = Math.cos(w2 / sigmad);
    double exp1 = Math.exp(l1 / sigmad);
    double exp2 = Math.exp(l2 / sigmad);
    double p4 = exp1 * exp1 * exp2 * exp2;
    double p3 = -2 * cos1 * exp1 * exp2 * exp2;
    p3 += -2 * cos2 * exp2 * exp1 * exp1;
    double p2 = 4 * cos2 * cos1 * exp1 * exp2;
    p2 += exp1 * exp1 + exp2 * exp2;
    double p1 = -2 * (exp2 * cos2 + exp1 * cos1);
    d1 = p1;
    d2 = p2;
    d3 = p3;
    d4 = p4;
    double sd = 1.0 + d1 + d2 + d3 + d4;
    double dd = d1 + 2 * d2 + 3 * d3 + 4 * d4;
    double ed = d1 + 4 * d2 + 9 * d3 + 16 * d4;

    double[] n;
    boolean symmetric;
    switch (order) {
      case ZERO -> {
        Numerator c = numerator(sigmad, a1[0], b1[0], w1, l1, a2[0], b2[0], w2, l2);
        double alpha0 = 2 * c.sn() / sd - c.n0();
        n = scaled(c, acrossScale / alpha0);
        symmetric = true;
      }
      case FIRST -> {
        if (normalizeAcrossScale) {
          acrossScale = sigma;
        }
        Numerator c = numerator(sigmad, a1[1], b1[1], w1, l1, a2[1], b2[1], w2, l2);
        double alpha1 = 2 * (c.sn() * dd - c.dn() * sd) / (sd * sd);
        alpha1 *= direction;
        n = scaled(c, acrossScale / alpha1);
        symmetric = false;
      }
      case SECOND -> {
        if (normalizeAcrossScale) {
          acrossScale = sigma * sigma;
        }
        Numerator c0 = numerator(sigmad, a1[0], b1[0], w1, l1, a2[0], b2[0], w2, l2);
        Numerator c2 = numerator(sigmad, a1[2], b1[2], w1, l1, a2[2], b2[2], w2, l2);
        double beta = -(2 * c2.sn() - sd * c2.n0()) / (2 * c0.sn() - sd * c0.n0());
        double sn = c2.sn() + beta * c0.sn();
        double dn = c2.dn() + beta * c0.dn();
        double en = c2.en() + beta * c0.en();
        double alpha2 = en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn;
        alpha2 /= sd * sd * sd;
        double scale = acrossScale / alpha2;
        n =
            new double[] {
              (c2.n0() + beta * c0.n0()) * scale,
              (c2.n1() + beta * c0.n1()) * scale,
              (c2.n2() + beta * c0.n2()) * scale,
              (c2.n3() + beta * c0.n3()) * scale
            };
        symmetric = true;
      }
      default -> throw new IllegalArgumentException("unknown order " + order);
    }
    n0 = n[0];
    n1 = n[1];
    n2 = n[2];
    n3 = n[3];
    if (symmetric) {
      m1 = n1 - d1 * n0;
      m2 = n2 - d2 * n0;
      m3 = n3 - d3 * n0;
      m4 = -d4 * n0;
    } else {
      m1 = -(n1 - d1 * n0);
      m2 = -(n2 - d2 * n0);
      m3 = -(n3 - d3 * n0);
      m4 = d4 * n0;
    }
    double sumN = n0 + n1 + n2 + n3;
    double sumM = m1 + m2 + m3 + m4;
    double sumD = 1.0 + d1 + d2 + d3 + d4;
    bn1 = d1 * sumN / sumD;
    bn2 = d2 * sumN / sumD;
    bn3 = d3 * sumN / sumD;
    bn4 = d4 * sumN / sumD;
    bm1 = d1 * sumM / sumD;
    bm2 = d2 * sumM / sumD;
    bm3 = d3 * sumM / sumD;
    bm4 = d4 * sumM / sumD;
  }

  /** ITK multiplies the N coefficients in place: {@code m_N0 *= scale}. */
  private static double[] scaled(Numerator c, double scale) {
    return new double[] {c.n0() * scale, c.n1() * scale, c.n2() * scale, c.n3() * scale};
  }

  private static Numerator numerator(
      double sigmad,
      double a1,
      double b1,
      double w1,
      double l1,
      double a2,
      double b2,
      double w2,
      double l2) {
    double sin1 = Math.sin(w1 / sigmad);
    double sin2 = Math.sin(w2 / sigmad);
    double cos1 = Math.cos(w1 / sigmad);
    double cos2 = Math.cos(w2 / sigmad);
    double exp1 = Math.exp(l1 / sigmad);
    double exp2 = Math.exp(l2 / sigmad);
    double n0 = a1 + a2;
    double n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
    n1 += exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
    double n2 = (a1 + a2) * cos2 * cos1;
    n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
    n2 *= 2 * exp1 * exp2;
    n2 += a2 * exp1 * exp1 + a1 * exp2 * exp2;
    double n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2);
    n3 += exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
    double sn = n0 + n1 + n2 + n3;
    double dn = n1 + 2 * n2 + 3 * n3;
    double en = n1 + 4 * n2 + 9 * n3;
    return new Numerator(n0, n1, n2, n3, sn, dn, en);
  }

  /**
   * Filters {@code width} lines of {@code ln} values side by side: value {@code p} of line {@code
   * x} is {@code data[first + p * step + x]}, and its result goes to the same place in {@code
   * outs}; {@code scratch} (at least {@code ln * width} long) holds the anti-causal pass. One line
   * is {@code step = 1, width = 1}; along y or z, a row of neighbouring lines is filtered at once,
   * so that each step of the recursion reads and writes whole rows in order instead of a line
   * striding through memory, and the lines' independent recursions overlap in the processor. Every
   * value is computed in ITK's expression order whatever the width. {@code ln} must be at least 4,
   * as ITK requires.
   */
  void filter(
      double[] outs, double[] data, int first, int step, int width, int ln, double[] scratch) {
    for (int x = 0; x < width; x++) {
      int o0 = first + x;
      int o1 = o0 + step;
      int o2 = o1 + step;
      int o3 = o2 + step;
      double v1 = data[o0];
      outs[o0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
      outs[o1] = data[o1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
      outs[o2] = data[o2] * n0 + data[o1] * n1 + v1 * n2 + v1 * n3;
      outs[o3] = data[o3] * n0 + data[o2] * n1 + data[o1] * n2 + v1 * n3;
      outs[o0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
      outs[o1] -= outs[o0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
      outs[o2] -= outs[o1] * d1 + outs[o0] * d2 + v1 * bn3 + v1 * bn4;
      outs[o3] -= outs[o2] * d1 + outs[o1] * d2 + outs[o0] * d3 + v1 * bn4;
    }
    for (int i = 4; i < ln; i++) {
      int row = first + i * step;
      for (int x = 0; x < width; x++) {
        int at = row + x;
        outs[at] =
            data[at] * n0
                + data[at - step] * n1
                + data[at - 2 * step] * n2
                + data[at - 3 * step] * n3;
        outs[at] -=
            outs[at - step] * d1
                + outs[at - 2 * step] * d2
                + outs[at - 3 * step] * d3
                + outs[at - 4 * step] * d4;
      }
    }
    for (int x = 0; x < width; x++) {
      int l1 = first + (ln - 1) * step + x;
      int l2 = l1 - step;
      int l3 = l2 - step;
      int s1 = (ln - 1) * width + x;
      int s2 = s1 - width;
      int s3 = s2 - width;
      int s4 = s3 - width;
      double v2 = data[l1];
      scratch[s1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
      scratch[s2] = data[l1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
      scratch[s3] = data[l2] * m1 + data[l1] * m2 + v2 * m3 + v2 * m4;
      scratch[s4] = data[l3] * m1 + data[l2] * m2 + data[l1] * m3 + v2 * m4;
      scratch[s1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
      scratch[s2] -= scratch[s1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
      scratch[s3] -= scratch[s2] * d1 + scratch[s1] * d2 + v2 * bm3 + v2 * bm4;
      scratch[s4] -= scratch[s3] * d1 + scratch[s2] * d2 + scratch[s1] * d3 + v2 * bm4;
    }
    for (int i = ln - 4; i > 0; i--) {
      int row = first + i * step;
      int s = (i - 1) * width;
      for (int x = 0; x < width; x++) {
        int at = row + x;
        int sc = s + x;
        scratch[sc] =
            data[at] * m1
                + data[at + step] * m2
                + data[at + 2 * step] * m3
                + data[at + 3 * step] * m4;
        scratch[sc] -=
            scratch[sc + width] * d1
                + scratch[sc + 2 * width] * d2
                + scratch[sc + 3 * width] * d3
                + scratch[sc + 4 * width] * d4;
      }
    }
    for (int i = 0; i < ln; i++) {
      int row = first + i * step;
      int s = i * width;
      for (int x = 0; x < width; x++) {
        outs[row + x] += scratch[s + x];
      }
    }
  }
}
