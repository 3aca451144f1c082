package org.voxbeam.operators.simpleitk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.operators.image.Grid;

/**
 * Dilation and erosion by a flat structuring element, the kernels under every morphology filter.
 *
 * <p>A box is separable: one 1D pass per axis. Any other element is applied as its runs along x
 * ({@link StructuringElement#runs()}): one 1D pass along x per distinct run, then a maximum over
 * the runs' (y, z) shifts, O(voxels × runs) — the order of ITK's moving-histogram algorithm for a
 * ball. Grey-level 1D passes are van Herk/Gil-Werman (three comparisons per voxel whatever the
 * length); binary passes count set voxels with a running prefix sum.
 *
 * <p>Voxels outside the image take a boundary value: the greyscale filters' ITK boundary (the
 * type's lowest value for dilation, its highest for erosion), or for binary dilation "set" or "not
 * set" as {@code BoundaryToForeground} says.
 */
final class FlatMorphology {
  private FlatMorphology() {}

  /**
   * Greyscale dilation ({@code max}) or erosion: {@code out(x) = max/min over k in K of in(x + k)},
   * outside voxels reading {@code boundary}. ITK's elements are symmetric, so {@code x + k} and
   * ITK's {@code x - k} agree.
   */
  static double[] extreme(
      double[] in, Grid grid, StructuringElement element, boolean max, double boundary) {
    if (element.isBox()) {
      double[] current = in;
      for (int axis = 0; axis < grid.dimension(); axis++) {
        int r = element.radius(axis);
        if (r == 1 && axis > 0) {
          current = extremeOfThree(current, grid, axis, max, boundary);
        } else if (r > 0) {
          current = extremePass(current, grid, axis, -r, 2 * r + 1, max, boundary);
        }
      }
      return current == in ? in.clone() : current;
    }
    double[] out = new double[in.length];
    java.util.Arrays.fill(out, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    boolean any = false;
    for (Map.Entry<Long, List<StructuringElement.Run>> group : byWindow(element).entrySet()) {
      StructuringElement.Run first = group.getValue().get(0);
      double[] window = extremePass(in, grid, 0, first.x0(), first.length(), max, boundary);
      for (StructuringElement.Run run : group.getValue()) {
        combine(window, out, grid, run.dy(), run.dz(), max, boundary);
        any = true;
      }
    }
    if (!any) {
      java.util.Arrays.fill(out, boundary);
    }
    return out;
  }

  /**
   * The voxels whose neighbourhood {@code x + K} holds a set voxel of {@code set}; outside the
   * image a voxel counts as set when {@code outsideSet}.
   */
  static byte[] dilate(byte[] set, Grid grid, StructuringElement element, boolean outsideSet) {
    if (element.isBox()) {
      byte[] current = set;
      for (int axis = 0; axis < grid.dimension(); axis++) {
        int r = element.radius(axis);
        if (r == 1) {
          current = anyOfThree(current, grid, axis, outsideSet);
        } else if (r > 0 && axis > 0) {
          current = anyWithinRows(current, grid, axis, r, outsideSet);
        } else if (r > 0) {
          current = anyPass(current, grid, axis, -r, 2 * r + 1, outsideSet);
        }
      }
      return current == set ? set.clone() : current;
    }
    byte[] out = new byte[set.length];
    for (Map.Entry<Long, List<StructuringElement.Run>> group : byWindow(element).entrySet()) {
      StructuringElement.Run first = group.getValue().get(0);
      byte[] window = anyPass(set, grid, 0, first.x0(), first.length(), outsideSet);
      for (StructuringElement.Run run : group.getValue()) {
        combine(window, out, grid, run.dy(), run.dz(), outsideSet);
      }
    }
    return out;
  }

  /** The runs grouped by their x window, so each distinct window is computed once. */
  private static Map<Long, List<StructuringElement.Run>> byWindow(StructuringElement element) {
    Map<Long, List<StructuringElement.Run>> groups = new LinkedHashMap<>();
    for (StructuringElement.Run run : element.runs()) {
      long key = ((long) run.x0() << 32) | run.length();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
    }
    return groups;
  }

  /**
   * {@code out[i] = max/min of in[i + a .. i + a + length - 1]} along {@code axis}, by van Herk and
   * Gil-Werman: block-wise prefix and suffix extremes over the line padded with the boundary value.
   */
  static double[] extremePass(
      double[] in, Grid grid, int axis, int a, int length, boolean max, double boundary) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    double[] out = new double[in.length];
    int lo = Math.min(0, a);
    int hi = Math.max(n - 1, n - 1 + a + length - 1);
    int padded = hi - lo + 1;
    Lines.forEach(
        grid,
        axis,
        (from, to) -> {
          double[] line = new double[padded];
          double[] prefix = new double[padded];
          double[] suffix = new double[padded];
          for (int k = from; k < to; k++) {
            int base = Lines.start(grid, axis, k);
            for (int p = 0; p < padded; p++) {
              int i = p + lo;
              line[p] = i >= 0 && i < n ? in[base + i * stride] : boundary;
            }
            for (int blockStart = 0; blockStart < padded; blockStart += length) {
              int blockEnd = Math.min(blockStart + length, padded) - 1;
              prefix[blockStart] = line[blockStart];
              for (int p = blockStart + 1; p <= blockEnd; p++) {
                prefix[p] = pick(prefix[p - 1], line[p], max);
              }
              suffix[blockEnd] = line[blockEnd];
              for (int p = blockEnd - 1; p >= blockStart; p--) {
                suffix[p] = pick(suffix[p + 1], line[p], max);
              }
            }
            for (int i = 0; i < n; i++) {
              int s = i + a - lo;
              int e = s + length - 1;
              out[base + i * stride] = pick(suffix[s], prefix[e], max);
            }
          }
        });
    return out;
  }

  private static double pick(double x, double y, boolean max) {
    return max ? (x >= y ? x : y) : (x <= y ? x : y);
  }

  /**
   * {@link #extremePass} for the window {@code -1..1} along y or z, as whole rows or planes
   * combined, which the JIT vectorises.
   */
  static double[] extremeOfThree(double[] in, Grid grid, int axis, boolean max, double boundary) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    double[] out = new double[in.length];
    int blocks = in.length / (stride * n);
    Lines.parallel(
        blocks * n,
        in.length,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int p = k % n;
            int row = (k / n) * stride * n + p * stride;
            for (int i = 0; i < stride; i++) {
              double before = p > 0 ? in[row - stride + i] : boundary;
              double after = p < n - 1 ? in[row + stride + i] : boundary;
              out[row + i] = pick(pick(before, in[row + i], max), after, max);
            }
          }
        });
    return out;
  }

  /** Whether {@code in[i + a .. i + a + length - 1]} along {@code axis} holds a set voxel. */
  static byte[] anyPass(byte[] in, Grid grid, int axis, int a, int length, boolean outsideSet) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    byte[] out = new byte[in.length];
    int lo = Math.min(0, a);
    int hi = Math.max(n - 1, n - 1 + a + length - 1);
    int padded = hi - lo + 1;
    Lines.forEach(
        grid,
        axis,
        (from, to) -> {
          int[] count = new int[padded + 1];
          for (int k = from; k < to; k++) {
            int base = Lines.start(grid, axis, k);
            for (int p = 0; p < padded; p++) {
              int i = p + lo;
              boolean set = (i >= 0 && i < n) ? in[base + i * stride] != 0 : outsideSet;
              count[p + 1] = count[p] + (set ? 1 : 0);
            }
            for (int i = 0; i < n; i++) {
              int s = i + a - lo;
              out[base + i * stride] = count[s + length] > count[s] ? (byte) 1 : 0;
            }
          }
        });
    return out;
  }

  /** Inner positions of a row (or plane) that one task of {@link #anyWithinRows} counts. */
  private static final int ROW_CHUNK = 4096;

  /**
   * {@link #anyPass} for the window {@code -r..r} along y or z, a row (or plane) at a time: each
   * position of the row keeps a running count of the set voxels in its window, which the next row
   * enters and the row {@code 2r + 1} back leaves. Every step reads and writes whole rows in order,
   * where a line at a time strides through memory a row or a plane per voxel.
   */
  static byte[] anyWithinRows(byte[] in, Grid grid, int axis, int r, boolean outsideSet) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    int blocks = stride * n == 0 ? 0 : in.length / (stride * n);
    int chunk = Math.min(stride, ROW_CHUNK);
    int chunksPerBlock = chunk == 0 ? 0 : (stride + chunk - 1) / chunk;
    byte[] out = new byte[in.length];
    Lines.parallel(
        blocks * chunksPerBlock,
        in.length,
        (from, to) -> {
          int[] count = new int[chunk];
          for (int t = from; t < to; t++) {
            int first = (t / chunksPerBlock) * stride * n + (t % chunksPerBlock) * chunk;
            int width = Math.min(chunk, stride - (t % chunksPerBlock) * chunk);
            java.util.Arrays.fill(count, 0);
            for (int q = -r; q <= r; q++) {
              addRow(in, count, first, q, n, stride, width, outsideSet, 1);
            }
            for (int p = 0; p < n; p++) {
              int row = first + p * stride;
              for (int i = 0; i < width; i++) {
                out[row + i] = count[i] > 0 ? (byte) 1 : 0;
              }
              addRow(in, count, first, p + r + 1, n, stride, width, outsideSet, 1);
              addRow(in, count, first, p - r, n, stride, width, outsideSet, -1);
            }
          }
        });
    return out;
  }

  /** Adds {@code sign} times row {@code q}'s set voxels (an outside row's {@code outsideSet}). */
  private static void addRow(
      byte[] in,
      int[] count,
      int first,
      int q,
      int n,
      int stride,
      int width,
      boolean outsideSet,
      int sign) {
    if (q >= 0 && q < n) {
      int row = first + q * stride;
      for (int i = 0; i < width; i++) {
        count[i] += sign * in[row + i];
      }
    } else if (outsideSet) {
      for (int i = 0; i < width; i++) {
        count[i] += sign;
      }
    }
  }

  /**
   * {@link #anyPass} for the window {@code -1..1}, the unit box of {@code near}/{@code interior}:
   * along x per row, along y and z as whole rows or planes OR-ed together, which the JIT
   * vectorises.
   */
  static byte[] anyOfThree(byte[] in, Grid grid, int axis, boolean outsideSet) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    byte outside = outsideSet ? (byte) 1 : 0;
    byte[] out = new byte[in.length];
    if (axis == 0) {
      Lines.forEach(
          grid,
          0,
          (from, to) -> {
            for (int k = from; k < to; k++) {
              int base = k * n;
              for (int x = 0; x < n; x++) {
                int before = x > 0 ? in[base + x - 1] : outside;
                int after = x < n - 1 ? in[base + x + 1] : outside;
                out[base + x] = (byte) (before | in[base + x] | after);
              }
            }
          });
      return out;
    }
    int blocks = in.length / (stride * n);
    Lines.parallel(
        blocks * n,
        in.length,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int block = k / n;
            int p = k % n;
            int row = block * stride * n + p * stride;
            for (int i = 0; i < stride; i++) {
              int before = p > 0 ? in[row - stride + i] : outside;
              int after = p < n - 1 ? in[row + stride + i] : outside;
              out[row + i] = (byte) (before | in[row + i] | after);
            }
          }
        });
    return out;
  }

  /** {@code out(x, y, z) = max/min(out, window(x, y + dy, z + dz))}, boundary outside. */
  private static void combine(
      double[] window, double[] out, Grid grid, int dy, int dz, boolean max, double boundary) {
    int nx = grid.nx();
    int ny = grid.ny();
    int nz = grid.nz();
    Lines.forEach(
        grid,
        0,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int y = k % ny;
            int z = k / ny;
            int base = k * nx;
            int sy = y + dy;
            int sz = z + dz;
            if (sy < 0 || sy >= ny || sz < 0 || sz >= nz) {
              for (int x = 0; x < nx; x++) {
                out[base + x] = pick(out[base + x], boundary, max);
              }
            } else {
              int source = grid.index(0, sy, sz);
              for (int x = 0; x < nx; x++) {
                out[base + x] = pick(out[base + x], window[source + x], max);
              }
            }
          }
        });
  }

  /** {@code out(x, y, z) |= window(x, y + dy, z + dz)}, {@code outsideSet} outside. */
  private static void combine(
      byte[] window, byte[] out, Grid grid, int dy, int dz, boolean outsideSet) {
    int nx = grid.nx();
    int ny = grid.ny();
    int nz = grid.nz();
    Lines.forEach(
        grid,
        0,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int y = k % ny;
            int z = k / ny;
            int base = k * nx;
            int sy = y + dy;
            int sz = z + dz;
            if (sy < 0 || sy >= ny || sz < 0 || sz >= nz) {
              if (outsideSet) {
                java.util.Arrays.fill(out, base, base + nx, (byte) 1);
              }
            } else {
              int source = grid.index(0, sy, sz);
              for (int x = 0; x < nx; x++) {
                out[base + x] |= window[source + x];
              }
            }
          }
        });
  }
}
