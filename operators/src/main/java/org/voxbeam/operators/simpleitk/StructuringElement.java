package org.voxbeam.operators.simpleitk;

import java.util.ArrayList;
import java.util.List;

/**
 * A flat structuring element as SimpleITK's {@code CreateKernel} makes it from a kernel type and a
 * radius per dimension: ITK's {@code FlatStructuringElement} {@code Box}, {@code Ball}, {@code
 * Cross} and {@code Annulus} (thickness 1, centre excluded). The element is stored as a mask over
 * {@code (2r+1)} voxels per axis, x fastest, and read as runs along x, which is how the
 * neighbourhood kernels apply it in O(voxels × runs).
 *
 * <p>A ball is ITK's rasterised ellipsoid: offset {@code o} belongs to it when {@code Σ (o_i / (r_i
 * + 0.5))² ≤ 1}, the ellipsoid of axes {@code 2r+1} centred on the centre voxel and sampled at
 * voxel centres. In 3D the unit ball is the 3×3×3 cube without its eight corners; in 2D it is the
 * full 3×3 square.
 */
record StructuringElement(int dimension, int[] radius, boolean[] mask) {
  /** SimpleITK's {@code KernelEnum} values. */
  static final int ANNULUS = 0;

  static final int BALL = 1;
  static final int BOX = 2;
  static final int CROSS = 3;

  /** A run of kernel offsets along x: {@code (x0 .. x0+length-1, dy, dz)}. */
  record Run(int dy, int dz, int x0, int length) {}

  /** SimpleITK's {@code CreateKernel(kernelType, radius)} for an image of {@code dimension}. */
  static StructuringElement create(Call call, int dimension, long kernelType, long[] radius) {
    int[] r = new int[3];
    for (int i = 0; i < dimension; i++) {
      if (radius[i] > 1024) {
        throw call.failure(
            "kernel radius " + radius[i] + " is larger than VoxBeam supports (1024)");
      }
      r[i] = (int) radius[i];
    }
    return switch ((int) kernelType) {
      case BOX -> build(dimension, r, o -> true);
      case CROSS -> build(dimension, r, o -> nonZeroAxes(o) <= 1);
      case BALL -> build(dimension, r, o -> inEllipsoid(o, r, 0));
      case ANNULUS -> build(dimension, r, o -> inEllipsoid(o, r, 0) && !inEllipsoid(o, r, 1));
      default ->
          throw call.failure(
              "polygon kernels are not supported yet; use sitkBall, sitkBox,"
                  + " sitkCross or sitkAnnulus");
    };
  }

  /** The box of the same radius along every axis of a {@code dimension}-D image. */
  static StructuringElement box(int dimension, int radius) {
    int[] r = {radius, radius, dimension == 3 ? radius : 0};
    return build(dimension, r, o -> true);
  }

  private interface Shape {
    boolean contains(int[] offset);
  }

  private static StructuringElement build(int dimension, int[] r, Shape shape) {
    int sx = 2 * r[0] + 1;
    int sy = 2 * r[1] + 1;
    int sz = 2 * r[2] + 1;
    boolean[] mask = new boolean[sx * sy * sz];
    int[] o = new int[3];
    for (int z = 0; z < sz; z++) {
      for (int y = 0; y < sy; y++) {
        for (int x = 0; x < sx; x++) {
          o[0] = x - r[0];
          o[1] = y - r[1];
          o[2] = z - r[2];
          mask[x + sx * (y + sy * z)] = shape.contains(o);
        }
      }
    }
    return new StructuringElement(dimension, r.clone(), mask);
  }

  private static int nonZeroAxes(int[] o) {
    return (o[0] != 0 ? 1 : 0) + (o[1] != 0 ? 1 : 0) + (o[2] != 0 ? 1 : 0);
  }

  /**
   * ITK's {@code EllipsoidInteriorExteriorSpatialFunction} at the voxel centre, with axes {@code
   * 2r+1 - 2·shrink} (never below 1): the outer ellipsoid of a ball ({@code shrink} 0) or the inner
   * one an annulus of thickness 1 removes ({@code shrink} 1).
   */
  private static boolean inEllipsoid(int[] o, int[] r, int shrink) {
    double distance = 0;
    for (int i = 0; i < 3; i++) {
      double axis = Math.max(2.0 * r[i] + 1 - 2.0 * shrink, 1.0);
      double d = o[i] / (0.5 * axis);
      distance += d * d;
    }
    return distance <= 1;
  }

  int sizeX() {
    return 2 * radius[0] + 1;
  }

  boolean contains(int dx, int dy, int dz) {
    if (Math.abs(dx) > radius[0] || Math.abs(dy) > radius[1] || Math.abs(dz) > radius[2]) {
      return false;
    }
    int sx = sizeX();
    int sy = 2 * radius[1] + 1;
    return mask[(dx + radius[0]) + sx * ((dy + radius[1]) + sy * (dz + radius[2]))];
  }

  /** Whether every offset of the bounding box is in the element: separable by axis. */
  boolean isBox() {
    for (boolean b : mask) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /** The element as maximal runs along x, z slowest. */
  List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    for (int dz = -radius[2]; dz <= radius[2]; dz++) {
      for (int dy = -radius[1]; dy <= radius[1]; dy++) {
        int dx = -radius[0];
        while (dx <= radius[0]) {
          if (!contains(dx, dy, dz)) {
            dx++;
            continue;
          }
          int start = dx;
          while (dx <= radius[0] && contains(dx, dy, dz)) {
            dx++;
          }
          runs.add(new Run(dy, dz, start, dx - start));
        }
      }
    }
    return runs;
  }

  /** The radius as the padding a safe border adds per axis. */
  int radius(int axis) {
    return radius[axis];
  }
}
