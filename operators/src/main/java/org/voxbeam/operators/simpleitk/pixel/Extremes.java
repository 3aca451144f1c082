package org.voxbeam.operators.simpleitk.pixel;

/**
 * An image's minimum and maximum as ITK's {@code MinimumMaximumImageCalculator} finds them (a voxel
 * replaces the running extreme when strictly beyond it, so NaN voxels are skipped), compared as
 * {@code RescaleIntensityImageFilter} compares them: with {@code AlmostEquals}, which for floats
 * means within 4 ulps or 0.1 ε of each other.
 *
 * @param equal whether the minimum almost equals the maximum
 * @param maximumIsZero whether the maximum almost equals zero
 */
public record Extremes(double minimum, double maximum, boolean equal, boolean maximumIsZero) {

  public static Extremes of(PixelInput voxels, long count) {
    Pixel pixel = voxels.pixel();
    if (pixel.isInteger()) {
      long min = pixel.highest();
      long max = pixel.lowest();
      for (int i = 0; i < count; i++) {
        long value = voxels.integer(i);
        max = pixel.less(max, value) ? value : max;
        min = pixel.less(value, min) ? value : min;
      }
      return new Extremes(pixel.real(min), pixel.real(max), min == max, max == 0);
    }
    double min = pixel.maxReal();
    double max = pixel.minReal();
    double[] values = new double[4096];
    for (int s = 0; s < count; s += values.length) {
      int len = (int) Math.min(values.length, count - s);
      voxels.reals(s, values, len);
      for (int i = 0; i < len; i++) {
        double value = values[i];
        max = value > max ? value : max;
        min = value < min ? value : min;
      }
    }
    return new Extremes(min, max, almostEqual(pixel, min, max), almostEqual(pixel, max, 0.0));
  }

  /** ITK's {@code Math::FloatAlmostEqual} in the pixel's precision, 4 ulps. */
  static boolean almostEqual(Pixel pixel, double a, double b) {
    if (pixel == Pixel.FLOAT32) {
      float x = (float) a;
      float y = (float) b;
      if (Math.abs(x - y) <= (float) (0.1 * Math.ulp(1.0f))) {
        return true;
      }
      if ((Float.floatToRawIntBits(x) < 0) != (Float.floatToRawIntBits(y) < 0)) {
        return false;
      }
      return Math.abs((long) ulps(x) - ulps(y)) <= 4;
    }
    if (Math.abs(a - b) <= 0.1 * Math.ulp(1.0)) {
      return true;
    }
    if ((Double.doubleToRawLongBits(a) < 0) != (Double.doubleToRawLongBits(b) < 0)) {
      return false;
    }
    return Math.abs(ulps(a) - ulps(b)) <= 4;
  }

  /** ITK's {@code FloatIEEE::AsULP}: the bits as a signed-magnitude ordinal. */
  private static int ulps(float value) {
    int bits = Float.floatToRawIntBits(value);
    return bits < 0 ? Integer.MIN_VALUE - bits : bits;
  }

  private static long ulps(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits < 0 ? Long.MIN_VALUE - bits : bits;
  }
}
