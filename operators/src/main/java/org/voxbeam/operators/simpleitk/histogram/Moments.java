package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code MomentsThresholdCalculator}: Tsai's moment-preserving threshold, the first bin at
 * which the cumulative fraction exceeds the object fraction the first three moments imply.
 */
public final class Moments implements ThresholdCalculator {

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    double total = histogram.totalFrequency();
    double m0 = 1.0;
    double m1 = 0.0;
    double m2 = 0.0;
    double m3 = 0.0;
    double[] histo = new double[size];
    for (int i = 0; i < size; i++) {
      histo[i] = histogram.frequency(i) / total;
    }
    for (int i = 0; i < size; i++) {
      double m = histogram.measurement(i);
      m1 += m * histo[i];
      m2 += m * m * histo[i];
      m3 += m * m * m * histo[i];
    }
    double cd = m0 * m2 - m1 * m1;
    double c0 = (-m2 * m2 + m1 * m3) / cd;
    double c1 = (m0 * -m3 + m2 * m1) / cd;
    double z0 = 0.5 * (-c1 - Math.sqrt(c1 * c1 - 4.0 * c0));
    double z1 = 0.5 * (-c1 + Math.sqrt(c1 * c1 - 4.0 * c0));
    double p0 = (z1 - m1) / (z1 - z0);
    double sum = 0;
    int threshold = 0;
    for (int i = 0; i < size; i++) {
      sum += histo[i];
      if (sum > p0) {
        threshold = i;
        break;
      }
    }
    return histogram.measurement(threshold);
  }
}
