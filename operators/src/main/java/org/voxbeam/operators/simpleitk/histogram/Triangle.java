package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code TriangleThresholdCalculator}: the line from the histogram's peak to its 1% (or 99%)
 * quantile, on the longer side; the threshold is the centre of the bin after the one farthest below
 * the line. The line is evaluated in {@code float}, as ITK does.
 */
public final class Triangle implements ThresholdCalculator {

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    double peak = Double.MIN_NORMAL;
    long peakIndex = 0;
    for (int j = 0; j < size; j++) {
      if (histogram.frequency(j) > peak) {
        peakIndex = j;
        peak = histogram.frequency(j);
      }
    }
    long low = histogram.index(histogram.quantile(0.01));
    long high = histogram.index(histogram.quantile(0.99));
    double[] triangle = new double[size];
    long from;
    long to;
    if (Math.abs((float) peakIndex - (float) low) > Math.abs((float) peakIndex - (float) high)) {
      double slope = peak / (peakIndex - low);
      for (long k = low; k < peakIndex; k++) {
        float line = (float) (slope * (k - low));
        triangle[(int) k] = line - (float) histogram.frequency(k);
      }
      from = low;
      to = peakIndex;
    } else {
      double slope = -peak / (high - peakIndex);
      for (long k = peakIndex; k < high; k++) {
        float line = (float) (slope * (k - peakIndex) + peak);
        triangle[(int) k] = line - (float) histogram.frequency(k);
      }
      from = peakIndex;
      to = high;
    }
    if (to < from) {
      throw new HistogramException(
          "the triangle's search range is empty (bins "
              + from
              + " to "
              + to
              + "), where ITK reads past its table");
    }
    long threshold = from;
    for (long k = from + 1; k < to; k++) {
      if (triangle[(int) threshold] < triangle[(int) k]) {
        threshold = k;
      }
    }
    return ThresholdCalculator.measurement(histogram, threshold + 1);
  }
}
