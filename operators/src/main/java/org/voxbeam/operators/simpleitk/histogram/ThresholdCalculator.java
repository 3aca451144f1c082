package org.voxbeam.operators.simpleitk.histogram;

/**
 * One of ITK's {@code HistogramThresholdCalculator}s: the threshold, in measurement units, that its
 * method picks for a histogram. Each implementation follows the ITK calculator's arithmetic step by
 * step, so ties, empty bins and rounding come out as ITK's do.
 */
@FunctionalInterface
public interface ThresholdCalculator {
  /**
   * @throws HistogramException where ITK's calculator fails, or has no defined answer
   */
  double threshold(Histogram histogram);

  /** ITK's check at the start of every calculator but Otsu's. */
  static void requireCounts(Histogram histogram) {
    if (histogram.totalFrequency() == 0) {
      throw new HistogramException("Histogram is empty");
    }
  }

  /** {@code GetMeasurement(bin)}, refusing the bins past the end that ITK would read. */
  static double measurement(Histogram histogram, long bin) {
    if (bin < 0 || bin >= histogram.size()) {
      throw new HistogramException(
          "the threshold falls outside the histogram (bin "
              + bin
              + " of "
              + histogram.size()
              + "), where ITK reads past its table");
    }
    return histogram.measurement((int) bin);
  }
}
