package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's {@code OtsuMultipleThresholdsCalculator}: the thresholds maximising the between-class
 * variance, searched over every combination of bin indices in ITK's order; a combination replaces
 * the best only when its variance is larger by more than one ulp. Each threshold is its bin's upper
 * edge, or its centre with {@code returnBinMidpoint}. {@code OtsuThreshold} is the one-threshold
 * case.
 */
public final class Otsu {
  private final int thresholds;
  private final boolean valleyEmphasis;
  private final boolean binMidpoint;

  public Otsu(int thresholds, boolean valleyEmphasis, boolean binMidpoint) {
    this.thresholds = thresholds;
    this.valleyEmphasis = valleyEmphasis;
    this.binMidpoint = binMidpoint;
  }

  /** The single threshold {@code OtsuThresholdCalculator} returns. */
  public static ThresholdCalculator single(boolean binMidpoint) {
    Otsu otsu = new Otsu(1, false, binMidpoint);
    return histogram -> otsu.thresholds(histogram)[0];
  }

  public double[] thresholds(Histogram histogram) {
    int bins = histogram.size();
    if (bins < thresholds + 1) {
      throw new HistogramException(
          "numberOfHistogramBins must exceed the number of thresholds ("
              + thresholds
              + "), got "
              + bins
              + "; ITK's search never ends");
    }
    int classes = thresholds + 1;
    long total = histogram.totalFrequency();
    double globalMean = 0;
    for (int i = 0; i < bins; i++) {
      globalMean += histogram.measurement(i) * (double) histogram.frequency(i);
    }
    globalMean /= total;
    long[] indexes = new long[thresholds];
    for (int j = 0; j < thresholds; j++) {
      indexes[j] = j;
    }
    long[] best = indexes.clone();
    long[] classFrequency = new long[classes];
    long sum = 0;
    for (int j = 0; j < classes - 1; j++) {
      classFrequency[j] = histogram.frequency(indexes[j]);
      sum += classFrequency[j];
    }
    classFrequency[classes - 1] = total - sum;
    double[] pdf = new double[bins];
    for (int j = 0; j < bins; j++) {
      pdf[j] = (double) histogram.frequency(j) / (double) total;
    }
    double[] classMean = new double[classes];
    double meanSum = 0;
    for (int j = 0; j < classes - 1; j++) {
      classMean[j] = classFrequency[j] > 0 ? histogram.measurement(j) : 0.0;
      meanSum += classMean[j] * classFrequency[j];
    }
    classMean[classes - 1] =
        classFrequency[classes - 1] > 0
            ? (globalMean * total - meanSum) / classFrequency[classes - 1]
            : 0.0;
    double maxVariance = betweenVariance(classFrequency, classMean, total);
    if (valleyEmphasis) {
      double factor = 0;
      for (int j = 0; j < classes - 1; j++) {
        factor = pdf[(int) indexes[j]];
      }
      maxVariance *= 1.0 - factor;
    }
    while (increment(histogram, indexes, globalMean, classMean, classFrequency)) {
      double variance = betweenVariance(classFrequency, classMean, total);
      if (valleyEmphasis) {
        double factor = 0;
        for (int j = 0; j < classes - 1; j++) {
          factor += pdf[(int) indexes[j]];
        }
        variance *= 1.0 - factor;
      }
      if (variance > maxVariance && !almostEqual(maxVariance, variance)) {
        maxVariance = variance;
        best = indexes.clone();
      }
    }
    double[] out = new double[thresholds];
    for (int j = 0; j < thresholds; j++) {
      int bin = (int) best[j];
      out[j] = binMidpoint ? histogram.measurement(bin) : histogram.binMax(bin);
    }
    return out;
  }

  private static double betweenVariance(long[] classFrequency, double[] classMean, long total) {
    double variance = 0;
    for (int j = 0; j < classMean.length; j++) {
      variance += (double) classFrequency[j] * (classMean[j] * classMean[j]);
    }
    return variance / total;
  }

  /** ITK's {@code IncrementThresholds}: the next combination, updating the class statistics. */
  private boolean increment(
      Histogram histogram,
      long[] indexes,
      double globalMean,
      double[] classMean,
      long[] classFrequency) {
    int bins = histogram.size();
    int classes = classMean.length;
    for (int j = thresholds - 1; j >= 0; j--) {
      if (indexes[j] < bins - 2 - (thresholds - 1 - j)) {
        indexes[j]++;
        double meanOld = classMean[j];
        long frequencyOld = classFrequency[j];
        long frequency = histogram.frequency(indexes[j]);
        classFrequency[j] += frequency;
        classMean[j] =
            classFrequency[j] > 0
                ? (meanOld * frequencyOld + histogram.measurement((int) indexes[j]) * frequency)
                    / classFrequency[j]
                : 0.0;
        for (int k = j + 1; k < thresholds; k++) {
          indexes[k] = indexes[k - 1] + 1;
          classFrequency[k] = histogram.frequency(indexes[k]);
          classMean[k] = classFrequency[k] > 0 ? histogram.measurement((int) indexes[k]) : 0.0;
        }
        long total = histogram.totalFrequency();
        classFrequency[classes - 1] = total;
        classMean[classes - 1] = globalMean * total;
        for (int k = 0; k < classes - 1; k++) {
          classFrequency[classes - 1] -= classFrequency[k];
          classMean[classes - 1] -= classMean[k] * classFrequency[k];
        }
        classMean[classes - 1] =
            classFrequency[classes - 1] > 0
                ? classMean[classes - 1] / classFrequency[classes - 1]
                : 0.0;
        return true;
      }
      if (j == 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code FloatAlmostEqual(a, b, 1)}: one ulp, or within 0.1 ε. */
  private static boolean almostEqual(double a, double b) {
    if (Math.abs(a - b) <= 0.1 * Math.ulp(1.0)) {
      return true;
    }
    if ((Double.doubleToRawLongBits(a) < 0) != (Double.doubleToRawLongBits(b) < 0)) {
      return false;
    }
    return Math.abs(ordinal(a) - ordinal(b)) <= 1;
  }

  private static long ordinal(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits < 0 ? Long.MIN_VALUE - bits : bits;
  }
}
