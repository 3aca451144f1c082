package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code ShanbhagThresholdCalculator}: Shanbhag's fuzzy-membership entropy, the threshold
 * where the two classes' information measures are closest.
 */
public final class Shanbhag implements ThresholdCalculator {
  private static final double TOLERANCE = 2.220446049250313E-16;

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    CumulativeHistogram c = new CumulativeHistogram(histogram, TOLERANCE, true);
    int threshold = 0;
    double minEntropy = Double.MAX_VALUE;
    for (int it = c.first; it <= c.last; it++) {
      double back = 0.0;
      double term = 0.5 / c.below[it];
      for (int ih = 1; ih <= it; ih++) {
        back -= c.normalised[ih] * Math.log(1.0 - term * c.below[ih - 1]);
      }
      back *= term;
      double object = 0.0;
      term = 0.5 / c.above[it];
      for (int ih = it + 1; ih < size; ih++) {
        object -= c.normalised[ih] * Math.log(1.0 - term * c.above[ih]);
      }
      object *= term;
      double total = Math.abs(back - object);
      if (total < minEntropy) {
        minEntropy = total;
        threshold = it;
      }
    }
    return histogram.measurement(threshold);
  }
}
