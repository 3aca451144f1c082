package org.voxbeam.transforms.simpleitk.pixel;

/**
 * An ITK comparison functor on two voxels of the same pixel type, compared in that type (a
 * constant has been converted to it first, so {@code uint8 > 127.5} compares with 127).
 */
public interface BinaryPredicate {
  boolean float32(float a, float b);

  boolean float64(double a, double b);

  boolean integer(long a, long b, Pixel pixel);
}
