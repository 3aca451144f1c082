package org.voxbeam.operators.simpleitk.histogram;

/**
 * ITK's one-dimensional {@code Statistics::Histogram<double>} as the threshold calculators read it:
 * bins with explicit edges, integer frequencies, the bin centre as its measurement.
 *
 * <p>The edges are ITK's to the bit: the bin width is computed in {@code float} ({@code (float(max)
 * - float(min)) / float(bins)}), each edge is {@code min} plus the {@code float} product of its
 * index and that width, and the last bin ends exactly at {@code max}. A value belongs to the bin
 * found by ITK's binary search over those edges; values below the first edge, or at or above the
 * last one (unless almost equal to it), are dropped when the histogram clips its ends, as the
 * image-to-histogram filters make it do.
 */
public final class Histogram {
  private final double[] mins;
  private final double[] maxs;
  private final long[] frequencies;
  private final boolean clipBinsAtEnds;
  private final double lower;
  private final float interval;

  /** Whether every bin has positive width, so a value's bin can be computed, then checked. */
  private final boolean increasing;

  private long total;

  private Histogram(int size, double lower, double upper, boolean clipBinsAtEnds) {
    this.mins = new double[size];
    this.maxs = new double[size];
    this.frequencies = new long[size];
    this.clipBinsAtEnds = clipBinsAtEnds;
    this.lower = lower;
    float interval = ((float) upper - (float) lower) / (float) size;
    this.interval = interval;
    for (int j = 0; j < size - 1; j++) {
      mins[j] = lower + (float) j * interval;
      maxs[j] = lower + ((float) j + 1) * interval;
    }
    if (size > 0) {
      mins[size - 1] = lower + ((float) size - 1) * interval;
      maxs[size - 1] = upper;
    }
    boolean positive = interval > 0 && Float.isFinite(interval);
    for (int j = 0; j < size && positive; j++) {
      positive = mins[j] < maxs[j] && (j == 0 || mins[j] == maxs[j - 1]);
    }
    this.increasing = positive;
  }

  /** An empty histogram of {@code size} bins over [{@code lower}, {@code upper}]. */
  public static Histogram of(int size, double lower, double upper, boolean clipBinsAtEnds) {
    return new Histogram(size, lower, upper, clipBinsAtEnds);
  }

  public int size() {
    return frequencies.length;
  }

  public double binMin(int bin) {
    return mins[bin];
  }

  public double binMax(int bin) {
    return maxs[bin];
  }

  /** {@code GetMeasurement}: the bin's centre. */
  public double measurement(int bin) {
    return (mins[bin] + maxs[bin]) / 2.0;
  }

  /** {@code GetFrequency}: 0 outside the histogram, as ITK's frequency container answers. */
  public long frequency(long bin) {
    return bin >= 0 && bin < frequencies.length ? frequencies[(int) bin] : 0;
  }

  public long totalFrequency() {
    return total;
  }

  /** Counts {@code value} in its bin; a value the histogram clips is not counted. */
  public void add(double value) {
    int bin = index(value);
    if (bin < frequencies.length) {
      frequencies[bin]++;
      total++;
    }
  }

  /** Adds the counts of {@code other}, a histogram with the same bins. */
  public void merge(Histogram other) {
    for (int i = 0; i < frequencies.length; i++) {
      frequencies[i] += other.frequencies[i];
    }
    total += other.total;
  }

  /** An empty histogram with the same bins, to count part of the values in. */
  public Histogram emptyCopy() {
    return new Histogram(this);
  }

  private Histogram(Histogram bins) {
    this.mins = bins.mins;
    this.maxs = bins.maxs;
    this.frequencies = new long[bins.frequencies.length];
    this.clipBinsAtEnds = bins.clipBinsAtEnds;
    this.lower = bins.lower;
    this.interval = bins.interval;
    this.increasing = bins.increasing;
  }

  /**
   * {@code GetIndex}: the bin {@code value} falls in, or {@link #size()} when the histogram clips
   * it (ITK's "illegal index").
   */
  public int index(double value) {
    int size = frequencies.length;
    if (value < mins[0]) {
      return clipBinsAtEnds ? size : 0;
    }
    int end = size - 1;
    if (value >= maxs[end]) {
      return !clipBinsAtEnds || almostEqual(value, maxs[end]) ? size - 1 : size;
    }
    if (increasing) {
      int bin = (int) Math.min(end, Math.max(0, (value - lower) / interval));
      while (bin > 0 && value < mins[bin]) {
        bin--;
      }
      while (bin < end && value >= maxs[bin]) {
        bin++;
      }
      if (mins[bin] <= value && value < maxs[bin]) {
        return bin;
      }
    }
    return search(value, end);
  }

  /** ITK's binary search, for the values the bin arithmetic does not place (NaN). */
  private int search(double value, int last) {
    int end = last;
    int begin = 0;
    int mid = (end + 1) / 2;
    double median = mins[mid];
    while (true) {
      if (value < median) {
        end = mid - 1;
      } else if (value > median) {
        if (value < maxs[mid] && value >= mins[mid]) {
          return mid;
        }
        begin = mid + 1;
      } else {
        return mid;
      }
      mid = begin + (end - begin) / 2;
      median = mins[mid];
    }
  }

  /** {@code Quantile(0, p)}: the value below which a fraction {@code p} of the counts lie. */
  public double quantile(double p) {
    int size = frequencies.length;
    double totalFrequency = total;
    double cumulated = 0;
    double previous;
    double current;
    double frequency;
    if (p < 0.5) {
      int n = 0;
      current = 0.0;
      do {
        frequency = frequencies[n];
        cumulated += frequency;
        previous = current;
        current = cumulated / totalFrequency;
        n++;
      } while (n < size && current < p);
      double binProportion = frequency / totalFrequency;
      double min = mins[n - 1];
      double max = maxs[n - 1];
      return min + ((p - previous) / binProportion) * (max - min);
    }
    int n = size - 1;
    int m = 0;
    current = 1.0;
    do {
      frequency = frequencies[n];
      cumulated += frequency;
      previous = current;
      current = 1.0 - cumulated / totalFrequency;
      n--;
      m++;
    } while (m < size && current > p);
    double binProportion = frequency / totalFrequency;
    double min = mins[n + 1];
    double max = maxs[n + 1];
    return max - ((previous - p) / binProportion) * (max - min);
  }

  /** {@code Mean(0)}: the frequency-weighted mean of the bin centres. */
  public double mean() {
    double sum = 0;
    for (int i = 0; i < frequencies.length; i++) {
      sum += (double) frequencies[i] * measurement(i);
    }
    return sum / total;
  }

  /** ITK's {@code Math::AlmostEquals} of two doubles: 4 ulps, or within 0.1 ε. */
  private static boolean almostEqual(double a, double b) {
    if (Math.abs(a - b) <= 0.1 * Math.ulp(1.0)) {
      return true;
    }
    if ((Double.doubleToRawLongBits(a) < 0) != (Double.doubleToRawLongBits(b) < 0)) {
      return false;
    }
    return Math.abs(ulps(a) - ulps(b)) <= 4;
  }

  private static long ulps(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits < 0 ? Long.MIN_VALUE - bits : bits;
  }
}
