package org.voxbeam.operators.simpleitk.pixel;

/**
 * ITK's six comparison functors on two voxels of the same pixel type, compared in that type (a
 * constant has been converted to it first, so {@code uint8 > 127.5} compares with 127). NaN
 * compares as in C++: every comparison with it is false except {@code !=}. Each is one of three
 * primitive comparisons, possibly with its operands swapped or its answer negated, so the loops are
 * written once.
 */
public enum PixelComparison {
  EQUAL(Primitive.EQUAL, false, false),
  NOT_EQUAL(Primitive.EQUAL, false, true),
  LESS(Primitive.LESS, false, false),
  LESS_EQUAL(Primitive.LESS_EQUAL, false, false),
  GREATER(Primitive.LESS, true, false),
  GREATER_EQUAL(Primitive.LESS_EQUAL, true, false);

  private enum Primitive {
    EQUAL,
    LESS,
    LESS_EQUAL
  }

  private final Primitive primitive;
  private final boolean swapped;
  private final boolean negated;

  PixelComparison(Primitive primitive, boolean swapped, boolean negated) {
    this.primitive = primitive;
    this.swapped = swapped;
    this.negated = negated;
  }

  /** Whether the comparison holds for voxel {@code i} of {@code a} and of {@code b}. */
  public boolean holds(PixelInput a, int i, PixelInput b) {
    PixelInput x = swapped ? b : a;
    PixelInput y = swapped ? a : b;
    boolean result =
        switch (a.pixel()) {
          case FLOAT32 -> test(x.float32(i), y.float32(i));
          case FLOAT64 -> test(x.float64(i), y.float64(i));
          default -> test(x.integer(i), y.integer(i), a.pixel());
        };
    return result != negated;
  }

  /** {@code out[i] = a[i] op b[i] ? yes : no} for {@code float} voxels. */
  void float32(float[] a, float[] b, byte[] out, int n, byte yes, byte no) {
    float[] x = swapped ? b : a;
    float[] y = swapped ? a : b;
    byte t = negated ? no : yes;
    byte f = negated ? yes : no;
    switch (primitive) {
      case EQUAL -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] == y[i] ? t : f;
        }
      }
      case LESS -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] < y[i] ? t : f;
        }
      }
      case LESS_EQUAL -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] <= y[i] ? t : f;
        }
      }
    }
  }

  /** {@code out[i] = a[i] op b[i] ? yes : no} for {@code double} voxels. */
  void float64(double[] a, double[] b, byte[] out, int n, byte yes, byte no) {
    double[] x = swapped ? b : a;
    double[] y = swapped ? a : b;
    byte t = negated ? no : yes;
    byte f = negated ? yes : no;
    switch (primitive) {
      case EQUAL -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] == y[i] ? t : f;
        }
      }
      case LESS -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] < y[i] ? t : f;
        }
      }
      case LESS_EQUAL -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] <= y[i] ? t : f;
        }
      }
    }
  }

  /** {@code out[i] = a[i] op b[i] ? yes : no} for integer voxels; {@code uint64} unsigned. */
  void integer(long[] a, long[] b, byte[] out, int n, byte yes, byte no, Pixel pixel) {
    long[] x = swapped ? b : a;
    long[] y = swapped ? a : b;
    byte t = negated ? no : yes;
    byte f = negated ? yes : no;
    long flip = pixel == Pixel.UINT64 ? Long.MIN_VALUE : 0;
    switch (primitive) {
      case EQUAL -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] == y[i] ? t : f;
        }
      }
      case LESS -> {
        for (int i = 0; i < n; i++) {
          out[i] = (x[i] ^ flip) < (y[i] ^ flip) ? t : f;
        }
      }
      case LESS_EQUAL -> {
        for (int i = 0; i < n; i++) {
          out[i] = (x[i] ^ flip) <= (y[i] ^ flip) ? t : f;
        }
      }
    }
  }

  private boolean test(double x, double y) {
    return switch (primitive) {
      case EQUAL -> x == y;
      case LESS -> x < y;
      case LESS_EQUAL -> x <= y;
    };
  }

  private boolean test(long x, long y, Pixel pixel) {
    return switch (primitive) {
      case EQUAL -> x == y;
      case LESS -> pixel.less(x, y);
      case LESS_EQUAL -> !pixel.less(y, x);
    };
  }
}
