package org.voxbeam.operators.image.ops;

import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.python.NumpySum;

/**
 * Whole-image and masked statistics: {@code min}, {@code max}, {@code volume}, {@code avg}, {@code
 * avg0}, {@code percentiles}. Averages read voxels as {@code float32} and sum them as VoxLogicA-2's
 * {@code np.mean(selected, dtype=np.float64)} does, to the bit ({@link NumpySum}).
 */
public final class Statistics {
  private Statistics() {}

  public static double min(ImageValue image) {
    Voxels v = Voxels.of(image);
    requireVoxels(v, "min");
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < v.voxelCount(); i++) {
      min = Math.min(min, v.get(i));
    }
    return min;
  }

  public static double max(ImageValue image) {
    Voxels v = Voxels.of(image);
    requireVoxels(v, "max");
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.voxelCount(); i++) {
      max = Math.max(max, v.get(i));
    }
    return max;
  }

  /** Number of true voxels, after VoxLogicA-2's cast to {@code uint8} (0.5 and 256 are false). */
  public static double volume(ImageValue image) {
    Voxels v = Voxels.of(image);
    long count = 0;
    for (int i = 0; i < v.voxelCount(); i++) {
      if (v.isSetAsUint8(i)) {
        count++;
      }
    }
    return count;
  }

  /** Mean inside the mask; an empty mask is an error ({@code avg}) or 0 ({@code avg0}). */
  public static double average(ImageValue image, ImageValue mask, boolean emptyIsZero) {
    Voxels v = Voxels.of(image);
    Voxels m = Voxels.of(mask);
    v.requireSameGrid(m, "avg");
    NumpySum.Casting sum = new NumpySum.Casting();
    for (int i = 0; i < v.voxelCount(); i++) {
      if (m.isSet(i)) {
        sum.add((float) v.get(i));
      }
    }
    long count = sum.count();
    if (count == 0) {
      if (emptyIsZero) {
        return 0.0;
      }
      throw new OperatorException("avg failed: mask selects no voxels");
    }
    return sum.sum() / count;
  }

  /**
   * The percentile rank of each voxel among the masked voxels: for a group of equal values, {@code
   * (voxels below + correction · group size) / masked voxels}; -1 outside the mask.
   */
  public static ImageValue percentiles(ImageValue image, ImageValue mask, double correction) {
    Voxels v = Voxels.of(image);
    Voxels m = Voxels.of(mask);
    v.requireSameGrid(m, "percentiles");
    int n = v.voxelCount();
    int population = 0;
    for (int i = 0; i < n; i++) {
      if (m.isSet(i)) {
        population++;
      }
    }
    Float32Output out = new Float32Output(image.geometry());
    for (int i = 0; i < n; i++) {
      out.set(i, -1.0);
    }
    if (population == 0) {
      return out.toValue();
    }
    long[] keyed = new long[population];
    int cursor = 0;
    for (int i = 0; i < n; i++) {
      if (m.isSet(i)) {
        keyed[cursor++] = ((long) sortableBits((float) v.get(i)) << 32) | (i & 0xffffffffL);
      }
    }
    java.util.Arrays.sort(keyed);
    double total = population;
    long below = 0;
    int start = 0;
    while (start < population) {
      int key = (int) (keyed[start] >> 32);
      int end = start + 1;
      while (end < population && (int) (keyed[end] >> 32) == key) {
        end++;
      }
      int group = end - start;
      float rank = (float) ((below + correction * group) / total);
      for (int g = start; g < end; g++) {
        out.set((int) keyed[g], rank);
      }
      below += group;
      start = end;
    }
    return out.toValue();
  }

  /** A signed int whose order is the order of the floats (with -0 equal to 0). */
  private static int sortableBits(float value) {
    int bits = Float.floatToIntBits(value == 0.0f ? 0.0f : value);
    return bits >= 0 ? bits : bits ^ 0x7fffffff;
  }

  private static void requireVoxels(Voxels v, String name) {
    if (v.voxelCount() == 0) {
      throw new OperatorException(name + " of an empty image");
    }
  }
}
