package org.voxbeam.operators.python;

/**
 * NumPy's floating-point summation ({@code np.sum}, {@code np.mean}, {@code np.add.reduce}),
 * reproduced operation for operation so that a sum or mean VoxBeam computes for a VoxLogicA-2
 * kernel equals NumPy's to the last bit.
 *
 * <p>NumPy sums a contiguous run pairwise: fewer than 8 items one after the other (starting from
 * {@code -0.0}); up to 128 items in 8 interleaved accumulators combined as {@code ((r0 + r1) + (r2
 * + r3)) + ((r4 + r5) + (r6 + r7))}, then the remainder; longer runs split in two at half the
 * length rounded down to a multiple of 8. A reduction starts from the identity {@code +0.0} and
 * adds each run the ufunc loop is handed. When the items must be cast to the accumulator type
 * (float32 or integer voxels summed as float64) the iterator hands them over in buffers of 8192
 * ({@code np.getbufsize()}), so the result is {@code ((0 + pairwise(b0)) + pairwise(b1)) + ...};
 * without a cast, NumPy 2.3 (VoxLogicA-2's pin) hands over the whole array at once.
 *
 * <p>NumPy 1.24 differs in one case only: it also splits uncast reductions longer than 8192 items
 * into buffers (NumPy 2.3's iterator rewrite, gh-27883, honours "grow inner" there). The pairwise
 * kernel, the reduction loop, the initial value and the buffering of cast reductions are the same
 * in both.
 */
public final class NumpySum {
  /** Items per buffer when NumPy casts the input of a reduction ({@code np.getbufsize()}). */
  public static final int BUFFER = 8192;

  private static final int BLOCK = 128;
  private static final int UNROLL = 8;

  private NumpySum() {}

  /** {@code np.sum} of float64 values, no cast: one pairwise pass from {@code +0.0}. */
  public static double sum(double[] values, int length) {
    double result = 0.0;
    result += pairwise(values, 0, length);
    return result;
  }

  /** {@code np.sum} of float32 values, accumulated in float32 as NumPy does without a dtype. */
  public static float sum(float[] values, int length) {
    float result = 0.0f;
    result += pairwise(values, 0, length);
    return result;
  }

  /** NumPy's pairwise sum of {@code length} items from {@code from}. */
  public static double pairwise(double[] a, int from, int length) {
    if (length < UNROLL) {
      double result = -0.0;
      for (int i = 0; i < length; i++) {
        result += a[from + i];
      }
      return result;
    }
    if (length <= BLOCK) {
      double r0 = a[from];
      double r1 = a[from + 1];
      double r2 = a[from + 2];
      double r3 = a[from + 3];
      double r4 = a[from + 4];
      double r5 = a[from + 5];
      double r6 = a[from + 6];
      double r7 = a[from + 7];
      int i = UNROLL;
      for (int end = length - length % UNROLL; i < end; i += UNROLL) {
        int at = from + i;
        r0 += a[at];
        r1 += a[at + 1];
        r2 += a[at + 2];
        r3 += a[at + 3];
        r4 += a[at + 4];
        r5 += a[at + 5];
        r6 += a[at + 6];
        r7 += a[at + 7];
      }
      double result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < length; i++) {
        result += a[from + i];
      }
      return result;
    }
    int half = length / 2;
    half -= half % UNROLL;
    return pairwise(a, from, half) + pairwise(a, from + half, length - half);
  }

  /** NumPy's pairwise sum in float32 arithmetic. */
  public static float pairwise(float[] a, int from, int length) {
    if (length < UNROLL) {
      float result = -0.0f;
      for (int i = 0; i < length; i++) {
        result += a[from + i];
      }
      return result;
    }
    if (length <= BLOCK) {
      float r0 = a[from];
      float r1 = a[from + 1];
      float r2 = a[from + 2];
      float r3 = a[from + 3];
      float r4 = a[from + 4];
      float r5 = a[from + 5];
      float r6 = a[from + 6];
      float r7 = a[from + 7];
      int i = UNROLL;
      for (int end = length - length % UNROLL; i < end; i += UNROLL) {
        int at = from + i;
        r0 += a[at];
        r1 += a[at + 1];
        r2 += a[at + 2];
        r3 += a[at + 3];
        r4 += a[at + 4];
        r5 += a[at + 5];
        r6 += a[at + 6];
        r7 += a[at + 7];
      }
      float result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < length; i++) {
        result += a[from + i];
      }
      return result;
    }
    int half = length / 2;
    half -= half % UNROLL;
    return pairwise(a, from, half) + pairwise(a, from + half, length - half);
  }

  /**
   * A float64 sum of values NumPy casts to float64 on the way (float32 or integer voxels, as in
   * {@code np.mean(x, dtype=np.float64)}), fed one value at a time: pairwise within each buffer of
   * {@link #BUFFER} values, buffers added in order. Holds one buffer; not thread-safe.
   */
  public static final class Casting {
    private final double[] buffer = new double[BUFFER];
    private int filled;
    private double total = 0.0;
    private long count;

    /** Adds the next value, already converted to double as NumPy's cast converts it. */
    public void add(double value) {
      buffer[filled++] = value;
      count++;
      if (filled == BUFFER) {
        total += pairwise(buffer, 0, BUFFER);
        filled = 0;
      }
    }

    /** How many values were added. */
    public long count() {
      return count;
    }

    /** The sum of the values added so far. */
    public double sum() {
      if (filled == 0) {
        return total;
      }
      double result = total;
      result += pairwise(buffer, 0, filled);
      return result;
    }
  }
}
