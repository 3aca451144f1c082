package org.voxbeam.kernel.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr} of a {@code float}: the shortest decimal string that reads back as the same
 * double, closest to it when several are that short, laid out as CPython lays it out.
 *
 * <p>Java 17's {@link Double#toString} neither picks the shortest digits in every case nor uses
 * Python's layout ({@code 1.0E16} vs {@code 1e+16}), and node ids hash these characters, so the
 * form is computed here from the exact binary value.
 */
public final class PythonFloats {
  /** CPython's {@code repr} switches to exponent form outside {@code -4 < decpt <= 16}. */
  private static final int MIN_FIXED_DECPT = -3;

  private static final int MAX_FIXED_DECPT = 16;
  private static final int MAX_SIGNIFICANT_DIGITS = 17;

  private PythonFloats() {}

  /**
   * {@code repr(value)} as Python prints it: {@code 0.1}, {@code 1e-05}, {@code -0.0}, {@code inf}.
   */
  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
    if (value == 0.0) {
      return sign + "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    int decimalPoint = digits.length() - shortest.scale();
    return sign + layout(digits, decimalPoint);
  }

  /** The digits Python's {@code repr} chooses, trailing zeros stripped. */
  private static BigDecimal shortestRoundTrip(double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    for (int precision = 1; precision <= MAX_SIGNIFICANT_DIGITS; precision++) {
      BigDecimal best = null;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (candidate.doubleValue() != magnitude) {
          continue;
        }
        if (best == null || isCloser(candidate, best, exact)) {
          best = candidate;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    return exact
        .round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
  }

  private static boolean isCloser(BigDecimal candidate, BigDecimal best, BigDecimal exact) {
    int order = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
    if (order != 0) {
      return order < 0;
    }
    return !candidate.unscaledValue().testBit(0);
  }

  private static String layout(String digits, int decimalPoint) {
    if (decimalPoint < MIN_FIXED_DECPT || decimalPoint > MAX_FIXED_DECPT) {
      StringBuilder out = new StringBuilder(digits.length() + 6);
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      int exponent = decimalPoint - 1;
      out.append('e').append(exponent < 0 ? '-' : '+');
      int magnitude = Math.abs(exponent);
      if (magnitude < 10) {
        out.append('0');
      }
      return out.append(magnitude).toString();
    }
    if (decimalPoint <= 0) {
      return "0." + "0".repeat(-decimalPoint) + digits;
    }
    if (decimalPoint >= digits.length()) {
      return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
    }
    return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
  }
}
