package org.voxbeam.operators.simpleitk.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The histogram's bin lookup against ITK's binary search ({@code Histogram::GetIndex}, written out
 * here), on random values, on every bin edge and its neighbours, and on ranges whose {@code float}
 * bin width degenerates, where the lookup must fall back to the search.
 */
class HistogramTest {

  @Test
  void binsAreThoseOfItksBinarySearch() {
    Random random = new Random(3);
    double[][] ranges = {
      {-0.5, 255.5}, {-213.25, 917.5}, {1e6, 1e6 + 1}, {5, 5}, {0, 1e-40}, {-1e30, 1e30}
    };
    for (double[] range : ranges) {
      for (int bins : new int[] {1, 2, 37, 128, 256}) {
        Histogram histogram = Histogram.of(bins, range[0], range[1], true);
        for (int k = 0; k < 2000; k++) {
          double value =
              range[0]
                  + random.nextDouble() * (range[1] - range[0]) * 1.1
                  - (range[1] - range[0]) * 0.05;
          check(histogram, value);
        }
        for (int b = 0; b < bins; b++) {
          for (double edge : new double[] {histogram.binMin(b), histogram.binMax(b)}) {
            check(histogram, edge);
            check(histogram, Math.nextUp(edge));
            check(histogram, Math.nextDown(edge));
          }
        }
        check(histogram, Double.NaN);
      }
    }
  }

  private static void check(Histogram histogram, double value) {
    assertEquals(
        itkIndex(histogram, value),
        histogram.index(value),
        () -> "value " + value + " in " + histogram.size() + " bins from " + histogram.binMin(0));
  }

  /** ITK's {@code GetIndex} for one dimension, with clipped ends, as ITK writes it. */
  private static int itkIndex(Histogram h, double value) {
    int size = h.size();
    if (value < h.binMin(0)) {
      return size;
    }
    int end = size - 1;
    if (value >= h.binMax(end)) {
      double max = h.binMax(end);
      boolean almost =
          Math.abs(value - max) <= 0.1 * Math.ulp(1.0)
              || Math.abs(Double.doubleToLongBits(value) - Double.doubleToLongBits(max)) <= 4;
      return almost ? size - 1 : size;
    }
    int begin = 0;
    int mid = (end + 1) / 2;
    double median = h.binMin(mid);
    while (true) {
      if (value < median) {
        end = mid - 1;
      } else if (value > median) {
        if (value < h.binMax(mid) && value >= h.binMin(mid)) {
          return mid;
        }
        begin = mid + 1;
      } else {
        return mid;
      }
      mid = begin + (end - begin) / 2;
      median = h.binMin(mid);
    }
  }
}
