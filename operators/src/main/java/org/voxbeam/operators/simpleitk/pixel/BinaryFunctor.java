package org.voxbeam.operators.simpleitk.pixel;

/**
 * What an ITK binary functor computes for pairs of voxels of the same pixel type, in the arithmetic
 * its C++ uses: in the pixel type ({@code A + B} wraps for integers and rounds to {@code float} for
 * {@code float} pixels), or on {@code static_cast<double>} of both with the result stored by {@code
 * static_cast<T>} ({@code std::atan2}, {@code std::pow}). Functors work on blocks of voxels, so
 * each has its own loop for the JIT to compile.
 */
public sealed interface BinaryFunctor {

  /** Computed in the pixel type; the output has the inputs' type. */
  non-sealed interface InPixelType extends BinaryFunctor {
    void float32(float[] a, float[] b, float[] out, int n);

    void float64(double[] a, double[] b, double[] out, int n);

    /** On exact integer values; the results' low bits are stored. */
    void integer(long[] a, long[] b, long[] out, int n, Pixel pixel);
  }

  /** Computed in {@code double}; stored in any output type by {@code static_cast}. */
  @FunctionalInterface
  non-sealed interface OnReals extends BinaryFunctor {
    double apply(double a, double b);

    default void apply(double[] a, double[] b, double[] out, int n) {
      for (int i = 0; i < n; i++) {
        out[i] = apply(a[i], b[i]);
      }
    }
  }
}
