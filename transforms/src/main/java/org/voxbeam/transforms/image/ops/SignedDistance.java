package org.voxbeam.transforms.image.ops;

import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.image.Float32Output;
import org.voxbeam.transforms.image.Grid;
import org.voxbeam.transforms.image.Voxels;

/**
 * {@code dt}: the signed Euclidean distance transform in physical units, with ITK's
 * {@code SignedMaurerDistanceMap} conventions (inside negative, not squared, image spacing
 * used, background value 0). Distances are measured to the object's contour: the object voxels
 * with a background voxel among their full neighbours (26 in 3D, 8 in 2D). So contour voxels
 * are 0, inner voxels are minus their distance to the contour and background voxels their
 * distance to the object.
 *
 * <p>The exact transform is computed by separable lower envelopes of parabolas (Felzenszwalb
 * and Huttenlocher), one 1D pass per axis weighted by that axis's spacing: the same exact
 * Euclidean distances Maurer's algorithm computes, also in linear time.
 */
public final class SignedDistance {
  private SignedDistance() {}

  public static ImageValue of(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    Grid grid = voxels.grid();
    byte[] inside = voxels.toMask();
    double[] squared = new double[grid.voxelCount()];
    boolean anyContour = false;
    for (int i = 0; i < squared.length; i++) {
      boolean contour = inside[i] != 0 && touchesBackground(grid, inside, i);
      squared[i] = contour ? 0.0 : Double.POSITIVE_INFINITY;
      anyContour |= contour;
    }
    Float32Output out = new Float32Output(image.geometry());
    if (!anyContour) {
      for (int i = 0; i < squared.length; i++) {
        out.set(i, inside[i] != 0 ? -Float.MAX_VALUE : Float.MAX_VALUE);
      }
      return out.toValue();
    }
    for (int axis = 0; axis < grid.dimension(); axis++) {
      envelopePass(grid, axis, image.geometry().spacing().get(axis), squared);
    }
    for (int i = 0; i < squared.length; i++) {
      double distance = Math.sqrt(squared[i]);
      out.set(i, inside[i] != 0 && distance > 0 ? -distance : distance);
    }
    return out.toValue();
  }

  private static boolean touchesBackground(Grid grid, byte[] inside, int i) {
    int x = i % grid.nx();
    int y = (i / grid.nx()) % grid.ny();
    int z = i / (grid.nx() * grid.ny());
    for (int dz = -1; dz <= 1; dz++) {
      int zz = z + dz;
      if (zz < 0 || zz >= grid.nz()) {
        continue;
      }
      for (int dy = -1; dy <= 1; dy++) {
        int yy = y + dy;
        if (yy < 0 || yy >= grid.ny()) {
          continue;
        }
        for (int dx = -1; dx <= 1; dx++) {
          int xx = x + dx;
          if (xx >= 0 && xx < grid.nx() && inside[grid.index(xx, yy, zz)] == 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Replaces each line along {@code axis} by its 1D squared distance transform. */
  private static void envelopePass(Grid grid, int axis, double spacing, double[] f) {
    int extent = grid.extent(axis);
    int stride = grid.stride(axis);
    double[] line = new double[extent];
    double[] result = new double[extent];
    int[] vertices = new int[extent];
    double[] bounds = new double[extent + 1];
    double w2 = spacing * spacing;
    int n = grid.voxelCount();
    for (int start = 0; start < n; start++) {
      if ((start / stride) % extent != 0) {
        continue;
      }
      for (int p = 0; p < extent; p++) {
        line[p] = f[start + p * stride];
      }
      transform1d(line, extent, w2, result, vertices, bounds);
      for (int p = 0; p < extent; p++) {
        f[start + p * stride] = result[p];
      }
    }
  }

  private static void transform1d(double[] f, int n, double w2, double[] d, int[] v, double[] z) {
    int k = -1;
    for (int q = 0; q < n; q++) {
      if (f[q] == Double.POSITIVE_INFINITY) {
        continue;
      }
      if (k < 0) {
        k = 0;
        v[0] = q;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        continue;
      }
      double s = intersection(f, v[k], q, w2);
      while (s <= z[k]) {
        k--;
        if (k < 0) {
          break;
        }
        s = intersection(f, v[k], q, w2);
      }
      k++;
      v[k] = q;
      z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
      z[k + 1] = Double.POSITIVE_INFINITY;
    }
    if (k < 0) {
      java.util.Arrays.fill(d, 0, n, Double.POSITIVE_INFINITY);
      return;
    }
    int j = 0;
    for (int q = 0; q < n; q++) {
      while (z[j + 1] < q) {
        j++;
      }
      double delta = q - v[j];
      d[q] = w2 * delta * delta + f[v[j]];
    }
  }

  /** Where the parabolas rooted at {@code p} and {@code q} (p < q) meet, in index units. */
  private static double intersection(double[] f, int p, int q, double w2) {
    return ((f[q] + w2 * q * (double) q) - (f[p] + w2 * p * (double) p)) / (2.0 * w2 * (q - p));
  }
}
