package org.voxbeam.operators.geom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code atan2} and {@code cos} rounded to the nearest double, as the C library NumPy calls
 * computes them. {@link StrictMath} may be one ulp away, which decides the side of a pixel lying
 * exactly on a polygon's edge; so the polygon test settles the few pixels near an edge with these
 * (series in 40-digit decimal arithmetic), and the others with {@link StrictMath}.
 */
final class CorrectlyRounded {
  private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);
  private static final BigDecimal PI =
      new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");
  private static final BigDecimal HALF_PI = PI.divide(BigDecimal.valueOf(2), MC);
  private static final BigDecimal EPSILON = new BigDecimal("1e-45");

  private CorrectlyRounded() {}

  /** {@code atan2(y, x)} of two integers (pixel offsets), with C's signs and quadrants. */
  static double atan2(long y, long x) {
    if (x == 0 && y == 0) {
      return 0.0;
    }
    if (x == 0) {
      return y > 0 ? Math.PI / 2 : -Math.PI / 2;
    }
    BigDecimal angle;
    if (Math.abs(y) <= Math.abs(x)) {
      angle = atan(BigDecimal.valueOf(y).divide(BigDecimal.valueOf(x), MC));
    } else {
      BigDecimal inverse = atan(BigDecimal.valueOf(x).divide(BigDecimal.valueOf(y), MC));
      angle = (y * x > 0 ? HALF_PI : HALF_PI.negate()).subtract(inverse, MC);
    }
    if (x < 0) {
      angle = y >= 0 ? angle.add(PI, MC) : angle.subtract(PI, MC);
    }
    return angle.doubleValue();
  }

  /** {@code cos(x)} for {@code |x| <= 4}. */
  static double cos(double x) {
    if (Math.abs(x) > 4) {
      return StrictMath.cos(x);
    }
    BigDecimal square = new BigDecimal(x).pow(2, MC);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int k = 1; term.abs().compareTo(EPSILON) > 0; k++) {
      term =
          term.multiply(square, MC)
              .divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), MC)
              .negate();
      sum = sum.add(term, MC);
    }
    return sum.doubleValue();
  }

  /** {@code atan(t)} for {@code |t| <= 1}: halve the argument twice, then the Taylor series. */
  private static BigDecimal atan(BigDecimal t) {
    BigDecimal reduced = t;
    for (int i = 0; i < 2; i++) {
      BigDecimal root = BigDecimal.ONE.add(reduced.pow(2, MC), MC).sqrt(MC);
      reduced = reduced.divide(BigDecimal.ONE.add(root, MC), MC);
    }
    BigDecimal square = reduced.pow(2, MC);
    BigDecimal power = reduced;
    BigDecimal sum = reduced;
    for (int k = 1; power.abs().compareTo(EPSILON) > 0; k++) {
      power = power.multiply(square, MC).negate();
      sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
    }
    return sum.multiply(BigDecimal.valueOf(4), MC);
  }
}
