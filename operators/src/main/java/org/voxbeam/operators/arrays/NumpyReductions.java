package org.voxbeam.operators.arrays;

import java.util.Arrays;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.operators.python.NumpySum;

/**
 * NumPy 2.3's reductions as VoxLogicA-2's {@code arrays} kernels call them, with NumPy's
 * accumulator types: integers and booleans are summed as float64 through the cast buffers, float32
 * arrays in float32 (their mean and variance are float32 results), float64 arrays in float64, all
 * by {@link NumpySum}'s pairwise summation.
 */
final class NumpyReductions {
  private NumpyReductions() {}

  /** {@code float(np.mean(a))}. */
  static double mean(NumpyArray a) {
    return switch (a.dtype()) {
      case FLOAT32 -> meanOf(floats(a), a.size());
      case FLOAT64 -> NumpySum.sum(doubles(a), a.size()) / a.size();
      default -> castingSum(a) / a.size();
    };
  }

  /** {@code float(np.std(a))}: the root of the mean squared deviation from the mean, ddof 0. */
  static double std(NumpyArray a) {
    int n = a.size();
    if (a.dtype() == DType.FLOAT32) {
      float[] x = floats(a);
      float mean = meanOf(x, n);
      for (int i = 0; i < n; i++) {
        float d = x[i] - mean;
        x[i] = d * d;
      }
      return (float) Math.sqrt(meanOf(x, n));
    }
    double mean = mean(a);
    double[] x = doubles(a);
    for (int i = 0; i < n; i++) {
      double d = x[i] - mean;
      x[i] = d * d;
    }
    return Math.sqrt(NumpySum.sum(x, n) / n);
  }

  /** {@code float(np.median(a))}: the mean of the middle element or elements, NaN if any is. */
  static double median(NumpyArray a) {
    int n = a.size();
    if (n == 0) {
      return Double.NaN;
    }
    double[] sorted = doubles(a);
    Arrays.sort(sorted);
    if (Double.isNaN(sorted[n - 1])) {
      return Double.NaN;
    }
    int lo = (n - 1) / 2;
    int count = n % 2 == 1 ? 1 : 2;
    double[] middle = Arrays.copyOfRange(sorted, lo, lo + count);
    return switch (a.dtype()) {
      case FLOAT32 -> {
        float[] m = new float[count];
        for (int i = 0; i < count; i++) {
          m[i] = (float) middle[i];
        }
        yield meanOf(m, count);
      }
      default -> NumpySum.sum(middle, count) / count;
    };
  }

  /** {@code float(np.min(a))}, NaN when any element is NaN. */
  static double min(NumpyArray a) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.size(); i++) {
      double v = a.get(i);
      if (Double.isNaN(v)) {
        return v;
      }
      min = Math.min(min, v);
    }
    return min;
  }

  /** {@code float(np.max(a))}, NaN when any element is NaN. */
  static double max(NumpyArray a) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.size(); i++) {
      double v = a.get(i);
      if (Double.isNaN(v)) {
        return v;
      }
      max = Math.max(max, v);
    }
    return max;
  }

  /** The elements sorted, as {@code np.unique} orders them (NaN last). */
  static double[] sorted(NumpyArray a) {
    double[] values = doubles(a);
    Arrays.sort(values);
    return values;
  }

  /** Whether sorted neighbours are one unique value ({@code -0.0 == 0.0}, NaNs equal). */
  static boolean sameUnique(double previous, double next) {
    return previous == next || (Double.isNaN(previous) && Double.isNaN(next));
  }

  /** The float32 mean NumPy gives: a float32 sum, divided in float64, rounded to float32. */
  private static float meanOf(float[] values, int n) {
    return (float) ((double) NumpySum.sum(values, n) / n);
  }

  private static double castingSum(NumpyArray a) {
    NumpySum.Casting sum = new NumpySum.Casting();
    for (int i = 0; i < a.size(); i++) {
      sum.add(a.get(i));
    }
    return sum.sum();
  }

  private static float[] floats(NumpyArray a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i);
    }
    return out;
  }

  private static double[] doubles(NumpyArray a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i);
    }
    return out;
  }
}
