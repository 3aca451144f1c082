package org.voxbeam.operators.simpleitk.pixel;

/**
 * ITK's {@code Math::Round} (half-integers up) as it is compiled for x86-64: the SSE conversion of
 * {@code 2x + 0.5} to an integer, which rounds half to even and gives the lowest integer ("integer
 * indefinite") for NaN and overflow, halved by an arithmetic shift. 32 bits for results of at most
 * 4 bytes, 64 for wider ones.
 */
public final class SseRounding {
  private SseRounding() {}

  /** {@code Math::Round<int32_t>(float)}, the computation in {@code float}. */
  public static int roundHalfUp32(float x) {
    return convert32(2 * x + 0.5f) >> 1;
  }

  /** {@code Math::Round<int64_t>(double)}. */
  public static long roundHalfUp64(double x) {
    return convert64(2 * x + 0.5) >> 1;
  }

  /** {@code cvtss2si}: to the nearest int32, ties to even. */
  private static int convert32(float value) {
    double rounded = Math.rint(value);
    return rounded >= -0x1p31 && rounded < 0x1p31 ? (int) rounded : Integer.MIN_VALUE;
  }

  /** {@code cvtsd2si} with a 64-bit destination. */
  private static long convert64(double value) {
    double rounded = Math.rint(value);
    return rounded >= -0x1p63 && rounded < 0x1p63 ? (long) rounded : Long.MIN_VALUE;
  }
}
