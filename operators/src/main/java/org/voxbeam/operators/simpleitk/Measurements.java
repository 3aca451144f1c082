package org.voxbeam.operators.simpleitk;

import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;

/**
 * Whole-image measurements: {@code MinimumMaximum} (SimpleITK's Python procedure, a pair of floats)
 * and VoxLogicA-2's own {@code Statistics}, the tuple (min, max, mean, sigma, variance, sum, count)
 * read from ITK's {@code StatisticsImageFilter}. Like that filter, sums and sums of squares are
 * compensated (Kahan) sums in {@code double}; ITK adds per-thread partial sums, so its last bits
 * depend on the thread count, which VoxBeam's single pass does not.
 */
final class Measurements implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "MinimumMaximum", call -> minimumMaximum(call.image("image")),
        "Statistics", call -> statistics(call.image("image")));
  }

  private static Value minimumMaximum(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < voxels.voxelCount(); i++) {
      double v = voxels.get(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new SequenceValue(List.of(new NumberValue(min), new NumberValue(max)));
  }

  private static Value statistics(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    int count = voxels.voxelCount();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    CompensatedSum sum = new CompensatedSum();
    CompensatedSum squares = new CompensatedSum();
    for (int i = 0; i < count; i++) {
      double v = voxels.get(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum.add(v);
      squares.add(v * v);
    }
    double total = sum.value();
    double mean = total / count;
    double variance = (squares.value() - (total * total / count)) / (count - 1.0);
    return new SequenceValue(
        List.of(
            new NumberValue(min),
            new NumberValue(max),
            new NumberValue(mean),
            new NumberValue(Math.sqrt(variance)),
            new NumberValue(variance),
            new NumberValue(total),
            new IntegerValue(count)));
  }

  /** Kahan summation, as ITK's {@code CompensatedSummation}. */
  static final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double element) {
      double compensated = element - compensation;
      double next = sum + compensated;
      compensation = (next - sum) - compensated;
      sum = next;
    }

    double value() {
      return sum;
    }
  }
}
