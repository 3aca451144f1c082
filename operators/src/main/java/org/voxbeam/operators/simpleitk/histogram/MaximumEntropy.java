package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code MaximumEntropyThresholdCalculator}: Kapur, Sahoo and Wong's method, the threshold
 * maximising the sum of the two classes' entropies (a later threshold wins only by more than 1e-5).
 */
public final class MaximumEntropy implements ThresholdCalculator {

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    CumulativeHistogram c = new CumulativeHistogram(histogram, Math.ulp(1.0), true);
    int threshold = 0;
    double maxEntropy = Double.MIN_NORMAL;
    for (int it = c.first; it <= c.last; it++) {
      double back = 0.0;
      for (int ih = 0; ih <= it; ih++) {
        if (histogram.frequency(ih) != 0) {
          back -= (c.normalised[ih] / c.below[it]) * Math.log(c.normalised[ih] / c.below[it]);
        }
      }
      double object = 0.0;
      for (int ih = it + 1; ih < size; ih++) {
        if (histogram.frequency(ih) != 0) {
          object -= (c.normalised[ih] / c.above[it]) * Math.log(c.normalised[ih] / c.above[it]);
        }
      }
      double total = back + object;
      if (maxEntropy < total - 0.00001) {
        maxEntropy = total;
        threshold = it;
      }
    }
    return histogram.measurement(threshold);
  }
}
