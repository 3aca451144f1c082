package org.voxbeam.operators.simpleitk.histogram;

/**
 * The normalised histogram and its cumulative sums that ITK's entropy calculators (maximum entropy,
 * Rényi, Shanbhag) start from, with their first and last bins: the first whose cumulative sum is
 * not zero, the last whose complement is not, within {@code tolerance}.
 */
final class CumulativeHistogram {
  final double[] normalised;
  final double[] below;
  final double[] above;
  final int first;
  final int last;

  /**
   * @param integerScan whether the scan for the last bin uses a signed index, as the maximum
   *     entropy and Shanbhag calculators do; Rényi's unsigned one runs past bin 0
   */
  CumulativeHistogram(Histogram histogram, double tolerance, boolean integerScan) {
    int size = histogram.size();
    double total = histogram.totalFrequency();
    normalised = new double[size];
    below = new double[size];
    above = new double[size];
    for (int ih = 0; ih < size; ih++) {
      normalised[ih] = histogram.frequency(ih) / total;
    }
    below[0] = normalised[0];
    above[0] = 1.0 - below[0];
    for (int ih = 1; ih < size; ih++) {
      below[ih] = below[ih - 1] + normalised[ih];
      above[ih] = 1.0 - below[ih];
    }
    int firstBin = 0;
    for (int ih = 0; ih < size; ih++) {
      if (!(Math.abs(below[ih]) < tolerance)) {
        firstBin = ih;
        break;
      }
    }
    int lastBin = size - 1;
    boolean found = false;
    for (int ih = size - 1; ih >= firstBin; ih--) {
      if (!(Math.abs(above[ih]) < tolerance)) {
        lastBin = ih;
        found = true;
        break;
      }
    }
    if (!found && !integerScan && firstBin == 0) {
      throw new HistogramException(
          "every count is in the first bin, where ITK's scan for the"
              + " last bin runs past bin 0");
    }
    first = firstBin;
    last = lastBin;
  }
}
