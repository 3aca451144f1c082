package org.voxbeam.operators.simpleitk.histogram;

import org.voxbeam.kernel.value.DType;
import org.voxbeam.operators.image.PixelCast;

/**
 * ITK's {@code LiThresholdCalculator}: Li's iterative minimum cross-entropy, with ITK's integer
 * rounding of the threshold between iterations (the method assumes integer intensities). ITK loops
 * until the threshold settles; VoxBeam gives up after 10,000 iterations.
 */
public final class Li implements ThresholdCalculator {
  private static final int MAXIMUM_ITERATIONS = 10_000;

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    double binMin = Math.min(histogram.binMin(0), 0.0);
    int pixels = (int) histogram.totalFrequency();
    double mean = 0.0;
    for (int ih = 0; ih < size; ih++) {
      mean += histogram.measurement(ih) * histogram.frequency(ih);
    }
    mean /= pixels;
    double newThreshold = mean;
    double oldThreshold;
    int threshold;
    int iterations = 0;
    do {
      oldThreshold = newThreshold;
      threshold = histogram.index(toInt(oldThreshold + 0.5));
      if (threshold >= size) {
        throw new HistogramException(
            "the threshold "
                + oldThreshold
                + " falls outside the"
                + " histogram, where ITK warns and reads past its table");
      }
      double sumBack = 0;
      int numBack = 0;
      for (int ih = 0; ih <= threshold; ih++) {
        sumBack += histogram.measurement(ih) * histogram.frequency(ih);
        numBack += (int) histogram.frequency(ih);
      }
      double meanBack = numBack == 0 ? 0.0 : sumBack / numBack;
      double sumObject = 0;
      int numObject = 0;
      for (int ih = threshold + 1; ih < size; ih++) {
        sumObject += histogram.measurement(ih) * histogram.frequency(ih);
        numObject += (int) histogram.frequency(ih);
      }
      double meanObject = numObject == 0 ? 0.0 : sumObject / numObject;
      meanBack -= binMin;
      meanObject -= binMin;
      double temp = (meanBack - meanObject) / (Math.log(meanBack) - Math.log(meanObject));
      newThreshold = temp < -Math.ulp(1.0) ? toInt(temp - 0.5) : toInt(temp + 0.5);
      newThreshold += binMin;
      if (++iterations > MAXIMUM_ITERATIONS) {
        throw new HistogramException(
            "the iteration did not settle in " + MAXIMUM_ITERATIONS + " steps");
      }
    } while (Math.abs(newThreshold - oldThreshold) > 0.5);
    return histogram.measurement(threshold);
  }

  /** {@code static_cast<int>}, as x86-64 computes it. */
  private static double toInt(double value) {
    return PixelCast.stored(DType.INT32, value);
  }
}
