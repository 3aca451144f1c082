package org.voxbeam.transforms.simpleitk.pixel;

/**
 * What an ITK binary functor computes for one pair of voxels of the same pixel type, in the
 * arithmetic its C++ uses: in the pixel type ({@code A + B} wraps for integers and rounds to
 * {@code float} for {@code float} pixels), or on {@code static_cast<double>} of both with the
 * result stored by {@code static_cast<T>} ({@code std::atan2}, {@code std::pow}).
 */
public sealed interface BinaryFunctor {

  /** Computed in the pixel type; the output has the inputs' type. */
  non-sealed interface InPixelType extends BinaryFunctor {
    float float32(float a, float b);

    double float64(double a, double b);

    /** On the exact integer values; the result's low bits are stored. */
    long integer(long a, long b, Pixel pixel);
  }

  /** Computed in {@code double}; stored in any output type by {@code static_cast}. */
  @FunctionalInterface
  non-sealed interface OnReals extends BinaryFunctor {
    double apply(double a, double b);
  }
}
