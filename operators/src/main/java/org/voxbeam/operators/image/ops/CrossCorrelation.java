package org.voxbeam.operators.image.ops;

import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.Voxels;

/**
 * {@code crossCorrelation(rad, a, b, fb, m1, m2, k)}: for every voxel, the Pearson correlation
 * between the histogram of {@code a} in the box of half-size {@code round(rad / spacing)} (at least
 * 1) around it and the histogram of {@code b} over the mask {@code fb}. Both histograms have {@code
 * k} bins of width {@code (m2 - m1) / k} over {@code [m1, m2)}; values outside are not counted, nor
 * are voxels outside the image. Two flat histograms correlate 1, one flat histogram 0. The local
 * histogram slides along x, adding and removing one face per step.
 */
public final class CrossCorrelation {
  private CrossCorrelation() {}

  public static ImageValue of(
      double radius, ImageValue a, ImageValue b, ImageValue fb, double m1, double m2, int bins) {
    if (bins < 1) {
      throw new OperatorException("crossCorrelation needs at least one bin, got " + bins);
    }
    Voxels av = Voxels.of(a);
    Voxels bv = Voxels.of(b);
    Voxels fv = Voxels.of(fb);
    av.requireSameGrid(bv, "crossCorrelation");
    av.requireSameGrid(fv, "crossCorrelation");
    Grid grid = av.grid();
    double delta = (m2 - m1) / bins;
    int[] bin = new int[grid.voxelCount()];
    long[] reference = new long[bins];
    for (int i = 0; i < bin.length; i++) {
      bin[i] = binOf(m1, m2, delta, bins, (float) av.get(i));
      if (fv.isSet(i)) {
        int rb = binOf(m1, m2, delta, bins, (float) bv.get(i));
        if (rb >= 0) {
          reference[rb]++;
        }
      }
    }
    Reference ref = Reference.of(reference);
    int[] r = new int[3];
    for (int axis = 0; axis < 3; axis++) {
      r[axis] =
          axis < grid.dimension()
              ? Math.max(1, (int) Math.rint(radius / a.geometry().spacing().get(axis)))
              : 0;
    }
    Float32Output out = new Float32Output(a.geometry());
    long[] local = new long[bins];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        java.util.Arrays.fill(local, 0);
        for (int x = 0; x <= Math.min(r[0], grid.nx() - 1); x++) {
          face(grid, bin, local, x, y, z, r, 1);
        }
        for (int x = 0; x < grid.nx(); x++) {
          if (x > 0) {
            if (x - r[0] - 1 >= 0) {
              face(grid, bin, local, x - r[0] - 1, y, z, r, -1);
            }
            if (x + r[0] < grid.nx()) {
              face(grid, bin, local, x + r[0], y, z, r, 1);
            }
          }
          out.set(grid.index(x, y, z), ref.correlate(local));
        }
      }
    }
    return out.toValue();
  }

  /** Adds {@code sign} for every binned voxel of the y-z face at column {@code x}. */
  private static void face(
      Grid grid, int[] bin, long[] hist, int x, int y, int z, int[] r, int sign) {
    for (int zz = Math.max(0, z - r[2]); zz <= Math.min(grid.nz() - 1, z + r[2]); zz++) {
      for (int yy = Math.max(0, y - r[1]); yy <= Math.min(grid.ny() - 1, y + r[1]); yy++) {
        int b = bin[grid.index(x, yy, zz)];
        if (b >= 0) {
          hist[b] += sign;
        }
      }
    }
  }

  static int binOf(double m1, double m2, double delta, int bins, double value) {
    if (value < m1 || value >= m2 || delta == 0.0) {
      return -1;
    }
    int index = (int) ((value - m1) / delta);
    return index >= 0 && index < bins ? index : -1;
  }

  /** The reference histogram, centred once. */
  private record Reference(double[] centred, double norm) {
    static Reference of(long[] histogram) {
      double mean = 0;
      for (long count : histogram) {
        mean += count;
      }
      mean /= histogram.length;
      double[] centred = new double[histogram.length];
      double sum = 0;
      for (int i = 0; i < histogram.length; i++) {
        centred[i] = histogram[i] - mean;
        sum += centred[i] * centred[i];
      }
      return new Reference(centred, Math.sqrt(sum));
    }

    double correlate(long[] local) {
      double mean = 0;
      for (long count : local) {
        mean += count;
      }
      mean /= local.length;
      double den = 0;
      double num = 0;
      for (int i = 0; i < local.length; i++) {
        double d = local[i] - mean;
        den += d * d;
        num += d * centred[i];
      }
      if (den == 0.0 && norm == 0.0) {
        return 1.0;
      }
      if (den == 0.0 || norm == 0.0) {
        return 0.0;
      }
      return num / (Math.sqrt(den) * norm);
    }
  }
}
