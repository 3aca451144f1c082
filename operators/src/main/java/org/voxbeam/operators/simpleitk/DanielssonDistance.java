package org.voxbeam.operators.simpleitk;

import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.Voxels;

/**
 * ITK's {@code DanielssonDistanceMapImageFilter} and {@code
 * SignedDanielssonDistanceMapImageFilter}: Danielsson's vector propagation, an approximation of the
 * Euclidean distance to the nearest non-zero voxel that can be off by a fraction of a voxel.
 *
 * <p>Each voxel keeps the offset to its nearest object voxel found so far and takes a neighbour's
 * offset (plus the step to it) when that is shorter. The result depends on the order the voxels are
 * visited in, so the visit follows ITK's reflective iterator exactly: an odometer over the axes, x
 * fastest, in which every axis runs forward (from index 1, comparing with the voxel before) and
 * then back (from the next-to-last index, comparing with the voxel after) before the next axis
 * advances one step. Norms are in {@code double}, with spacing when asked; the output is {@code
 * float32}.
 */
final class DanielssonDistance {
  private DanielssonDistance() {}

  /** Distances of every voxel to the nearest voxel with {@code object} set. */
  static float[] distances(
      Grid grid, ImageGeometry geometry, byte[] object, boolean useSpacing, boolean squared) {
    int dims = grid.dimension();
    int n = grid.voxelCount();
    int[] extent = new int[dims];
    int[] stride = new int[dims];
    double[] spacing = new double[dims];
    int longest = 0;
    for (int d = 0; d < dims; d++) {
      extent[d] = grid.extent(d);
      stride[d] = grid.stride(d);
      spacing[d] = geometry.spacing().get(d);
      longest = Math.max(longest, extent[d]);
    }
    int[][] offsets = new int[dims][n];
    for (int d = 0; d < dims; d++) {
      for (int i = 0; i < n; i++) {
        offsets[d][i] = object[i] != 0 ? 0 : 2 * longest;
      }
    }
    propagate(object, offsets, extent, stride, spacing, useSpacing);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      double distance = 0.0;
      for (int d = 0; d < dims; d++) {
        if (useSpacing) {
          double component = offsets[d][i] * spacing[d];
          distance += component * component;
        } else {
          distance += (long) offsets[d][i] * offsets[d][i];
        }
      }
      out[i] = (float) (squared ? distance : Math.sqrt(distance));
    }
    return out;
  }

  private static void propagate(
      byte[] object,
      int[][] offsets,
      int[] extent,
      int[] stride,
      double[] spacing,
      boolean useSpacing) {
    int dims = extent.length;
    int[] margin = new int[dims];
    int[] position = new int[dims];
    boolean[] forward = new boolean[dims];
    int index = 0;
    for (int d = 0; d < dims; d++) {
      margin[d] = extent[d] > 1 ? 1 : 0;
      position[d] = margin[d];
      forward[d] = true;
      index += position[d] * stride[d];
    }
    boolean remaining = true;
    while (remaining) {
      if (object[index] == 0) {
        for (int d = 0; d < dims; d++) {
          if (extent[d] > 1) {
            update(offsets, index, d, forward[d] ? -1 : 1, stride, spacing, useSpacing);
          }
        }
      }
      remaining = false;
      for (int d = 0; d < dims; d++) {
        if (forward[d]) {
          if (position[d] + 1 < extent[d]) {
            position[d]++;
            index += stride[d];
          } else {
            int next = extent[d] - margin[d] - 1;
            index += (next - position[d]) * stride[d];
            position[d] = next;
            forward[d] = false;
          }
          remaining = true;
          break;
        }
        if (position[d] - 1 >= 0) {
          position[d]--;
          index -= stride[d];
          remaining = true;
          break;
        }
        index += (margin[d] - position[d]) * stride[d];
        position[d] = margin[d];
        forward[d] = true;
      }
    }
  }

  /** Takes the neighbour's offset plus the step to it when that is shorter. */
  private static void update(
      int[][] offsets,
      int here,
      int axis,
      int step,
      int[] stride,
      double[] spacing,
      boolean useSpacing) {
    int there = here + step * stride[axis];
    double norm1 = 0.0;
    double norm2 = 0.0;
    for (int d = 0; d < offsets.length; d++) {
      double v1 = offsets[d][here];
      double v2 = offsets[d][there] + (d == axis ? step : 0);
      if (useSpacing) {
        v1 *= spacing[d];
        v2 *= spacing[d];
      }
      norm1 += v1 * v1;
      norm2 += v2 * v2;
    }
    if (norm1 > norm2) {
      for (int d = 0; d < offsets.length; d++) {
        offsets[d][here] = offsets[d][there] + (d == axis ? step : 0);
      }
    }
  }

  /** {@code DanielssonDistanceMap}: distances to the non-zero voxels. */
  static ImageValue unsigned(Voxels input, boolean useSpacing, boolean squared) {
    float[] d = distances(input.grid(), input.geometry(), input.toMask(), useSpacing, squared);
    return image(input.geometry(), d);
  }

  /**
   * {@code SignedDanielssonDistanceMap}: the distance to the object minus the distance to the
   * background dilated by ITK's radius-1 ball (3×3 in 2D, the 18-neighbourhood in 3D), so both are
   * measured to the same boundary; in {@code float}, negated when the inside is positive.
   */
  static ImageValue signed(
      Voxels input, boolean insideIsPositive, boolean useSpacing, boolean squared) {
    byte[] object = input.toMask();
    Grid grid = input.grid();
    byte[] outside = dilatedBackground(grid, object);
    float[] toObject = distances(grid, input.geometry(), object, useSpacing, squared);
    float[] toOutside = distances(grid, input.geometry(), outside, useSpacing, squared);
    float[] out = new float[toObject.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = insideIsPositive ? toOutside[i] - toObject[i] : toObject[i] - toOutside[i];
    }
    return image(input.geometry(), out);
  }

  private static byte[] dilatedBackground(Grid grid, byte[] object) {
    byte[] out = new byte[object.length];
    int zRange = grid.dimension() == 3 ? 1 : 0;
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          out[grid.index(x, y, z)] = anyBackground(grid, object, x, y, z, zRange) ? (byte) 1 : 0;
        }
      }
    }
    return out;
  }

  private static boolean anyBackground(Grid grid, byte[] object, int x, int y, int z, int zRange) {
    for (int dz = -zRange; dz <= zRange; dz++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          boolean corner = zRange == 1 && dx != 0 && dy != 0 && dz != 0;
          int xx = x + dx;
          int yy = y + dy;
          int zz = z + dz;
          if (!corner
              && xx >= 0
              && xx < grid.nx()
              && yy >= 0
              && yy < grid.ny()
              && zz >= 0
              && zz < grid.nz()
              && object[grid.index(xx, yy, zz)] == 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static ImageValue image(ImageGeometry geometry, float[] values) {
    Float32Output out = new Float32Output(geometry);
    for (int i = 0; i < values.length; i++) {
      out.set(i, values[i]);
    }
    return out.toValue();
  }
}
