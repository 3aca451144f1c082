package org.voxbeam.transforms.simpleitk.pixel;

/**
 * What an ITK unary functor computes for one voxel, in the arithmetic its C++ uses: either in
 * the pixel type itself ({@code -A}, {@code ~A}), or on {@code static_cast<double>(A)} with the
 * result stored by {@code static_cast<T>} ({@code std::sqrt}, {@code std::exp}).
 */
public sealed interface UnaryFunctor {

  /** Computed in the pixel type; the output has the input's type. */
  non-sealed interface InPixelType extends UnaryFunctor {
    float float32(float a);

    double float64(double a);

    /** On the exact integer value; the result's low bits are stored. */
    long integer(long a, Pixel pixel);
  }

  /** Computed in {@code double}; stored in any output type by {@code static_cast}. */
  @FunctionalInterface
  non-sealed interface OnReals extends UnaryFunctor {
    double apply(double a);
  }
}
