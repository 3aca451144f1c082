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
   * Filters {@code data[0..ln)} into {@code outs}, with {@code scratch} for the anti-causal pass;
   * {@code ln} must be at least 4, as ITK requires.
   */
  void filter(double[] outs, double[] data, double[] scratch, int ln) {
    double v1 = data[0];
    outs[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
    outs[1] = data[1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
    outs[2] = data[2] * n0 + data[1] * n1 + v1 * n2 + v1 * n3;
    outs[3] = data[3] * n0 + data[2] * n1 + data[1] * n2 + v1 * n3;
    outs[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
    outs[1] -= outs[0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
    outs[2] -= outs[1] * d1 + outs[0] * d2 + v1 * bn3 + v1 * bn4;
    outs[3] -= outs[2] * d1 + outs[1] * d2 + outs[0] * d3 + v1 * bn4;
    for (int i = 4; i < ln; i++) {
      outs[i] = data[i] * n0 + data[i - 1] * n1 + data[i - 2] * n2 + data[i - 3] * n3;
      outs[i] -= outs[i - 1] * d1 + outs[i - 2] * d2 + outs[i - 3] * d3 + outs[i - 4] * d4;
    }
    double v2 = data[ln - 1];
    scratch[ln - 1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
    scratch[ln - 2] = data[ln - 1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
    scratch[ln - 3] = data[ln - 2] * m1 + data[ln - 1] * m2 + v2 * m3 + v2 * m4;
    scratch[ln - 4] = data[ln - 3] * m1 + data[ln - 2] * m2 + data[ln - 1] * m3 + v2 * m4;
    scratch[ln - 1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
    scratch[ln - 2] -= scratch[ln - 1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
    scratch[ln - 3] -= scratch[ln - 2] * d1 + scratch[ln - 1] * d2 + v2 * bm3 + v2 * bm4;
    scratch[ln - 4] -=
        scratch[ln - 3] * d1 + scratch[ln - 2] * d2 + scratch[ln - 1] * d3 + v2 * bm4;
    for (int i = ln - 4; i > 0; i--) {
      scratch[i - 1] = data[i] * m1 + data[i + 1] * m2 + data[i + 2] * m3 + data[i + 3] * m4;
      scratch[i - 1] -=
          scratch[i] * d1 + scratch[i + 1] * d2 + scratch[i + 2] * d3 + scratch[i + 3] * d4;
    }
    for (int i = 0; i < ln; i++) {
      outs[i] += scratch[i];
    }
  }
}
