package org.voxbeam.operators.simpleitk.pixel;

/**
 * What an ITK unary functor computes, in the arithmetic its C++ uses: either in the pixel type
 * itself ({@code -A}, {@code ~A}), or on {@code static_cast<double>(A)} with the result stored by
 * {@code static_cast<T>} ({@code std::sqrt}, {@code std::exp}). Functors work on blocks of voxels,
 * so each has its own loop for the JIT to compile.
 */
public sealed interface UnaryFunctor {

  /** Computed in the pixel type; the output has the input's type. */
  non-sealed interface InPixelType extends UnaryFunctor {
    void float32(float[] a, float[] out, int n);

    void float64(double[] a, double[] out, int n);

    /** On exact integer values; the results' low bits are stored. */
    void integer(long[] a, long[] out, int n, Pixel pixel);
  }

  /** Computed in {@code double}; stored in any output type by {@code static_cast}. */
  @FunctionalInterface
  non-sealed interface OnReals extends UnaryFunctor {
    double apply(double a);

    default void apply(double[] a, double[] out, int n) {
      for (int i = 0; i < n; i++) {
        out[i] = apply(a[i]);
      }
    }
  }
}
