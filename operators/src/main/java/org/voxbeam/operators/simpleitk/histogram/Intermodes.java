package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code IntermodesThresholdCalculator} with its image filter's settings (inter-mode, at most
 * 1,000 smoothings): the histogram is smoothed by a running three-bin mean until it has exactly two
 * peaks, and the threshold is the bin halfway between them.
 */
public final class Intermodes implements ThresholdCalculator {
  private static final long MAXIMUM_SMOOTHING_ITERATIONS = 1_000;

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    if (size == 1) {
      return histogram.measurement(0);
    }
    double[] smoothed = new double[size];
    for (int i = 0; i < size; i++) {
      smoothed[i] = histogram.frequency(i);
    }
    long iterations = 0;
    while (!bimodal(smoothed)) {
      double previous;
      double current = 0.;
      double next = smoothed[0];
      for (int i = 0; i < size - 1; i++) {
        previous = current;
        current = next;
        next = smoothed[i + 1];
        smoothed[i] = (previous + current + next) / 3.;
      }
      smoothed[size - 1] = (current + next) / 3.;
      if (++iterations > MAXIMUM_SMOOTHING_ITERATIONS) {
        throw new HistogramException("Exceeded maximum iterations for histogram smoothing.");
      }
    }
    long tt = 0;
    for (int i = 1; i < size - 1; i++) {
      if (smoothed[i - 1] < smoothed[i] && smoothed[i + 1] < smoothed[i]) {
        tt += i;
      }
    }
    return histogram.measurement((int) (tt / 2));
  }

  private static boolean bimodal(double[] h) {
    int modes = 0;
    for (int k = 1; k < h.length - 1; k++) {
      if (h[k - 1] < h[k] && h[k + 1] < h[k]) {
        modes++;
        if (modes > 2) {
          return false;
        }
      }
    }
    return modes == 2;
  }
}
