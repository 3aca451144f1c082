package org.voxbeam.operators.simpleitk.histogram;

/** ITK's {@code YenThresholdCalculator}: Yen, Chang and Chang's maximum correlation criterion. */
public final class Yen implements ThresholdCalculator {

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    int total = (int) histogram.totalFrequency();
    double[] normalised = new double[size];
    double[] below = new double[size];
    double[] belowSquares = new double[size];
    double[] aboveSquares = new double[size];
    for (int ih = 0; ih < size; ih++) {
      normalised[ih] = (double) histogram.frequency(ih) / total;
    }
    below[0] = normalised[0];
    for (int ih = 1; ih < size; ih++) {
      below[ih] = below[ih - 1] + normalised[ih];
    }
    belowSquares[0] = normalised[0] * normalised[0];
    for (int ih = 1; ih < size; ih++) {
      belowSquares[ih] = belowSquares[ih - 1] + normalised[ih] * normalised[ih];
    }
    aboveSquares[size - 1] = 0.0;
    for (int ih = size - 2; ih >= 0; ih--) {
      aboveSquares[ih] = aboveSquares[ih + 1] + normalised[ih + 1] * normalised[ih + 1];
    }
    int threshold = 0;
    double maxCriterion = -Double.MAX_VALUE;
    for (int it = 0; it < size; it++) {
      double product = belowSquares[it] * aboveSquares[it];
      double split = below[it] * (1.0 - below[it]);
      double criterion =
          -1.0 * (product > 0.0 ? Math.log(product) : 0.0)
              + 2 * (split > 0.0 ? Math.log(split) : 0.0);
      if (criterion > maxCriterion) {
        maxCriterion = criterion;
        threshold = it;
      }
    }
    return histogram.measurement(threshold);
  }
}
