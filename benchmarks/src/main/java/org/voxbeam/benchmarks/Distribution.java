package org.voxbeam.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The median and range of repeated samples. The machine benchmarks run on is shared and noisy, so
 * means would be dragged by outliers; the median says what is typical and the range says how far to
 * trust it.
 */
public record Distribution(double median, double min, double max, int samples) {
  public Distribution {
    if (samples < 1) {
      throw new IllegalArgumentException("a distribution needs at least one sample");
    }
  }

  public static Distribution of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Distribution(median, sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  public static Distribution of(long[] values) {
    return of(Arrays.stream(values).asDoubleStream().toArray());
  }

  /** The nearest-rank percentile {@code p} (0 &lt; p &le; 100) of {@code values}. */
  public static long percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Every statistic multiplied by {@code factor}, e.g. to change units. */
  public Distribution scaled(double factor) {
    return new Distribution(median * factor, min * factor, max * factor, samples);
  }

  /** {@code median (min–max)}, each with {@code decimals} decimals. */
  public String format(int decimals) {
    return String.format(
        Locale.ROOT,
        "%s (%s–%s)",
        fixed(median, decimals),
        fixed(min, decimals),
        fixed(max, decimals));
  }

  /**
   * {@code median (min–max)} with at least {@code decimals} decimals, more for numbers too small to
   * show two significant digits that way.
   */
  public String formatSmall(int decimals) {
    return String.format(
        Locale.ROOT,
        "%s (%s–%s)",
        fixed(median, needed(median, decimals)),
        fixed(min, needed(min, decimals)),
        fixed(max, needed(max, decimals)));
  }

  private static int needed(double value, int decimals) {
    if (value == 0 || Math.abs(value) >= 1) {
      return decimals;
    }
    return Math.max(decimals, 1 - (int) Math.floor(Math.log10(Math.abs(value))));
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
