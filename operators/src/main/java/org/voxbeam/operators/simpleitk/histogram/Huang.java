package org.voxbeam.operators.simpleitk.histogram;

import org.voxbeam.operators.simpleitk.pixel.SseRounding;

/**
 * ITK's {@code HuangThresholdCalculator}: the threshold minimising Huang and Wang's fuzzy entropy.
 * As in ITK, each class mean is rounded to a whole measurement value ({@code Math::Round}) and
 * looked up in the histogram, so the method assumes integer-valued intensities; a threshold whose
 * rounded lower mean falls outside the histogram is skipped.
 */
public final class Huang implements ThresholdCalculator {

  @Override
  public double threshold(Histogram histogram) {
    ThresholdCalculator.requireCounts(histogram);
    int size = histogram.size();
    if (size == 1) {
      return histogram.measurement(0);
    }
    int first = 0;
    while (first < size && histogram.frequency(first) == 0) {
      first++;
    }
    int last = size - 1;
    while (last > first && histogram.frequency(last) == 0) {
      last--;
    }
    double[] s = new double[last + 1];
    double[] w = new double[last + 1];
    s[0] = histogram.frequency(0);
    for (int i = Math.max(1, first); i <= last; i++) {
      s[i] = s[i - 1] + histogram.frequency(i);
      w[i] = w[i - 1] + histogram.measurement(i) * histogram.frequency(i);
    }
    double c = last - first;
    double[] smu = new double[last + 1 - first];
    for (int i = 1; i < smu.length; i++) {
      double mu = 1. / (1. + i / c);
      smu[i] = -mu * Math.log(mu) - (1. - mu) * Math.log(1. - mu);
    }
    int best = 0;
    double bestEntropy = Double.MAX_VALUE;
    for (int threshold = first; threshold < last; threshold++) {
      int lowMean = histogram.index(SseRounding.roundHalfUp64(w[threshold] / s[threshold]));
      if (lowMean >= size) {
        continue;
      }
      double entropy = 0.;
      for (int i = first; i <= threshold; i++) {
        entropy += entry(smu, i - lowMean) * histogram.frequency(i);
      }
      double highMean = (w[last] - w[threshold]) / (s[last] - s[threshold]);
      int highIndex = histogram.index(SseRounding.roundHalfUp64(highMean));
      if (highIndex >= size) {
        throw new HistogramException("Failed looking up histogram");
      }
      for (int i = threshold + 1; i <= last; i++) {
        entropy += entry(smu, i - highIndex) * histogram.frequency(i);
      }
      if (bestEntropy > entropy) {
        bestEntropy = entropy;
        best = threshold;
      }
    }
    return histogram.measurement(best);
  }

  /** {@code Smu[|d|]}, refusing the indices past the table that ITK would read. */
  private static double entry(double[] smu, int difference) {
    int d = Math.abs(difference);
    if (d >= smu.length) {
      throw new HistogramException(
          "a rounded class mean lies "
              + d
              + " bins from a class member,"
              + " past ITK's entropy table of "
              + smu.length
              + " (intensities far from whole numbers)");
    }
    return smu[d];
  }
}
