package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code RenyiEntropyThresholdCalculator}: Kapur, Sahoo and Wong's method with the Rényi
 * entropies of order 0.5, 1 and 2; the threshold is the bin ITK's weighted combination of the three
 * optimal thresholds truncates to.
 */
public final class RenyiEntropy implements ThresholdCalculator {

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    if (size == 1) {
      return histogram.measurement(0);
    }
    CumulativeHistogram c = new CumulativeHistogram(histogram, Math.ulp(1.0), false);
    long star2 = shannon(histogram, c);
    long star1 = orderHalf(histogram, c);
    long star3 = orderTwo(histogram, c);
    long swap;
    if (star2 < star1) {
      swap = star1;
      star1 = star2;
      star2 = swap;
    }
    if (star3 < star2) {
      swap = star2;
      star2 = star3;
      star3 = swap;
    }
    if (star2 < star1) {
      swap = star1;
      star1 = star2;
      star2 = swap;
    }
    double beta1;
    double beta2;
    double beta3;
    if (Math.abs((double) star1 - (double) star2) <= 5.) {
      if (Math.abs((double) star2 - (double) star3) <= 5.) {
        beta1 = 1.;
        beta2 = 2.;
        beta3 = 1.;
      } else {
        beta1 = 0.;
        beta2 = 1.;
        beta3 = 3.;
      }
    } else {
      if (Math.abs((double) star2 - (double) star3) <= 5.) {
        beta1 = 3.;
        beta2 = 1.;
        beta3 = 0.;
      } else {
        beta1 = 1.;
        beta2 = 2.;
        beta3 = 1.;
      }
    }
    double omega = c.below[(int) star3] - c.below[(int) star1];
    double optimum =
        (double) star1 * (c.below[(int) star1] + 0.25 * omega * beta1)
            + (double) star2 * 0.25 * omega * beta2
            + (double) star3 * (c.above[(int) star3] + 0.25 * omega * beta3);
    return ThresholdCalculator.measurement(histogram, (long) optimum);
  }

  /** {@code MaxEntropyThresholding}: order 1, Shannon's entropy. */
  private static long shannon(Histogram histogram, CumulativeHistogram c) {
    int size = histogram.size();
    long threshold = 0;
    double maxEntropy = Double.MIN_NORMAL;
    for (int it = c.first; it <= c.last; it++) {
      double back = 0.0;
      for (int ih = 0; ih <= it; ih++) {
        if (histogram.frequency(ih) != 0) {
          double x = c.normalised[ih] / c.below[it];
          back -= x * Math.log(x);
        }
      }
      double object = 0.0;
      for (int ih = it + 1; ih < size; ih++) {
        if (histogram.frequency(ih) != 0) {
          double x = c.normalised[ih] / c.above[it];
          object -= x * Math.log(x);
        }
      }
      double total = back + object;
      if (maxEntropy < total) {
        maxEntropy = total;
        threshold = it;
      }
    }
    return threshold;
  }

  /** {@code MaxEntropyThresholding2}: order 0.5. */
  private static long orderHalf(Histogram histogram, CumulativeHistogram c) {
    int size = histogram.size();
    long threshold = 0;
    double maxEntropy = Double.MIN_NORMAL;
    double term = 1.0 / (1.0 - 0.5);
    for (int it = c.first; it <= c.last; it++) {
      double back = 0.0;
      for (int ih = 0; ih <= it; ih++) {
        back += Math.sqrt(c.normalised[ih] / c.below[it]);
      }
      double object = 0.0;
      for (int ih = it + 1; ih < size; ih++) {
        object += Math.sqrt(c.normalised[ih] / c.above[it]);
      }
      double product = back * object;
      double total = product > 0.0 ? term * Math.log(back * object) : 0.;
      if (total > maxEntropy) {
        maxEntropy = total;
        threshold = it;
      }
    }
    return threshold;
  }

  /** {@code MaxEntropyThresholding3}: order 2. */
  private static long orderTwo(Histogram histogram, CumulativeHistogram c) {
    int size = histogram.size();
    long threshold = 0;
    double maxEntropy = 0.0;
    double term = 1.0 / (1.0 - 2.0);
    for (int it = c.first; it <= c.last; it++) {
      double back = 0.0;
      for (int ih = 0; ih <= it; ih++) {
        double x = c.normalised[ih] / c.below[it];
        back += x * x;
      }
      double object = 0.0;
      for (int ih = it + 1; ih < size; ih++) {
        double x = c.normalised[ih] / c.above[it];
        object += x * x;
      }
      double product = back * object;
      double total = product > 0.0 ? term * Math.log(product) : 0.0;
      if (total > maxEntropy) {
        maxEntropy = total;
        threshold = it;
      }
    }
    return threshold;
  }
}
