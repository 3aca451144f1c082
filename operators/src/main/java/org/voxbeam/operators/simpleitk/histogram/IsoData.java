package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code IsoDataThresholdCalculator}: the first non-empty bin whose centre is at least the
 * mean of the two class means it separates.
 */
public final class IsoData implements ThresholdCalculator {
  private static final double EPSILON = Math.ulp(1.0);

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    if (size == 1) {
      return histogram.measurement(0);
    }
    int position = 0;
    while (true) {
      for (int i = position; i < size; i++) {
        if (histogram.frequency(i) > 0) {
          position = i;
          break;
        }
      }
      if (position >= size) {
        return histogram.mean();
      }
      double l = 0;
      double totl = 0;
      for (int i = 0; i <= position; i++) {
        totl += histogram.frequency(i);
        l += histogram.measurement(i) * (double) histogram.frequency(i);
      }
      double h = 0;
      double toth = 0;
      for (int i = position + 1; i < size; i++) {
        toth += histogram.frequency(i);
        h += histogram.measurement(i) * (double) histogram.frequency(i);
      }
      if (totl > EPSILON && toth > EPSILON) {
        l /= totl;
        h /= toth;
        if (histogram.measurement(position) >= (l + h) * 0.5) {
          return histogram.measurement(position);
        }
      }
      position++;
    }
  }
}
