package org.voxbeam.operators.simpleitk.histogram;

import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;
import org.voxbeam.operators.simpleitk.pixel.PixelLoops;

/**
 * The histograms ITK's threshold filters build from an image, each with its own rule for the range
 * of the bins.
 *
 * <p>{@link #ofImage} is {@code ImageToHistogramFilter} (with a mask, {@code
 * MaskedImageToHistogramFilter}), which {@code HistogramThresholdImageFilter} uses: for 8-bit
 * pixels the bins span the type's range, [min - 0.5, max + 0.5]; otherwise they span the (masked)
 * voxels' minimum to their maximum plus a margin of 1/100 of a bin, so the maximum falls inside the
 * last bin. {@link #ofSample} is {@code ScalarImageToHistogramGenerator}, which {@code
 * OtsuMultipleThresholds} uses: always the voxels' range plus the margin, the range computed in the
 * pixel type.
 */
public final class ImageHistograms {
  private static final double MARGINAL_SCALE = 100;
  private static final int BLOCK = 4096;

  private ImageHistograms() {}

  /**
   * @param mask a {@code uint8} mask, or null; only voxels where it equals {@code maskValue} are
   *     counted
   */
  public static Histogram ofImage(
      PixelInput image, int count, PixelInput mask, long maskValue, int bins) {
    Pixel pixel = image.pixel();
    double lower;
    double upper;
    boolean clip = true;
    if (pixel == Pixel.UINT8 || pixel == Pixel.INT8) {
      lower = pixel.minReal() - 0.5;
      upper = pixel.maxReal() + 0.5;
    } else {
      lower = pixel.maxReal();
      upper = pixel.minReal();
      double[] values = new double[BLOCK];
      for (int s = 0; s < count; s += BLOCK) {
        int len = Math.min(BLOCK, count - s);
        image.reals(s, values, len);
        for (int i = 0; i < len; i++) {
          if (counted(mask, maskValue, s + i)) {
            double value = values[i];
            lower = lower < value ? lower : value;
            upper = value < upper ? upper : value;
          }
        }
      }
      double margin = ((upper - lower) / bins) / MARGINAL_SCALE;
      if (Double.MAX_VALUE - upper > margin) {
        upper += margin;
      } else {
        clip = false;
      }
    }
    return count(Histogram.of(bins, lower, upper, clip), image, count, mask, maskValue);
  }

  /** The histogram of every voxel, over their range computed in the pixel type. */
  public static Histogram ofSample(PixelInput image, int count, int bins) {
    Pixel pixel = image.pixel();
    double range;
    double lower;
    double upper;
    if (pixel.isInteger()) {
      long min = image.integer(0);
      long max = min;
      for (int i = 1; i < count; i++) {
        long value = image.integer(i);
        if (pixel.less(value, min)) {
          min = value;
        } else if (pixel.less(max, value)) {
          max = value;
        }
      }
      range = pixel.promotedReal(max - min);
      lower = pixel.real(min);
      upper = pixel.real(max);
    } else if (pixel == Pixel.FLOAT32) {
      float min = image.float32(0);
      float max = min;
      for (int i = 1; i < count; i++) {
        float value = image.float32(i);
        if (value < min) {
          min = value;
        } else if (value > max) {
          max = value;
        }
      }
      range = max - min;
      lower = min;
      upper = max;
    } else {
      double min = image.float64(0);
      double max = min;
      for (int i = 1; i < count; i++) {
        double value = image.float64(i);
        if (value < min) {
          min = value;
        } else if (value > max) {
          max = value;
        }
      }
      range = max - min;
      lower = min;
      upper = max;
    }
    double margin = (range / bins) / MARGINAL_SCALE;
    boolean clip = Double.MAX_VALUE - upper > margin;
    Histogram histogram = Histogram.of(bins, lower, clip ? upper + margin : upper, clip);
    return count(histogram, image, count, null, 0);
  }

  /** Counts the voxels into {@code histogram}, slabs in parallel (counts add in any order). */
  private static Histogram count(
      Histogram histogram, PixelInput image, int count, PixelInput mask, long maskValue) {
    PixelLoops.forEachRange(
        count,
        (from, to) -> {
          Histogram part = histogram.emptyCopy();
          double[] values = new double[BLOCK];
          for (int s = from; s < to; s += BLOCK) {
            int len = Math.min(BLOCK, to - s);
            image.reals(s, values, len);
            for (int i = 0; i < len; i++) {
              if (counted(mask, maskValue, s + i)) {
                part.add(values[i]);
              }
            }
          }
          synchronized (histogram) {
            histogram.merge(part);
          }
        });
    return histogram;
  }

  private static boolean counted(PixelInput mask, long maskValue, int i) {
    return mask == null || (mask.bytes().get(i) & 0xff) == maskValue;
  }
}
