package org.voxbeam.transforms.simpleitk;

import org.voxbeam.transforms.image.Grid;
import org.voxbeam.transforms.image.PhysicalSpace;
import org.voxbeam.transforms.image.Voxels;

/**
 * ITK's image interpolators at a continuous index: {@code NearestNeighborInterpolateImageFunction}
 * (round half up), {@code LinearInterpolateImageFunction} (multilinear, interpolating x first,
 * then y, then z, in {@code double}; an axis whose fraction is not positive or whose next voxel
 * is past the end is not interpolated) and the nearest-neighbour extrapolator (the nearest voxel
 * inside). {@link #inside} is ITK's {@code IsInsideBuffer}: up to half a voxel beyond the first
 * and last voxel centres, the last bound excluded.
 */
enum Interpolation {
  NEAREST, LINEAR;

  /** SimpleITK's {@code sitkNearestNeighbor}. */
  static final int SITK_NEAREST = 1;
  /** SimpleITK's {@code sitkLinear}. */
  static final int SITK_LINEAR = 2;

  static Interpolation of(Call call, long enumerator) {
    if (enumerator == SITK_NEAREST) {
      return NEAREST;
    }
    if (enumerator == SITK_LINEAR) {
      return LINEAR;
    }
    String name = SimpleItkProcedures.shipped().interpolators().entrySet().stream()
        .filter(e -> e.getValue() == enumerator).map(java.util.Map.Entry::getKey).findFirst()
        .orElse(String.valueOf(enumerator));
    throw call.failure("interpolator " + name + " is not supported yet; VoxBeam has"
        + " sitkNearestNeighbor and sitkLinear");
  }

  static boolean inside(Grid grid, double[] c) {
    for (int axis = 0; axis < grid.dimension(); axis++) {
      if (!(c[axis] >= -0.5 && c[axis] < grid.extent(axis) - 1 + 0.5)) {
        return false;
      }
    }
    return true;
  }

  /** A sampler of {@code image} with its own scratch space: one per thread. */
  Sampler sampler(Voxels image) {
    return new Sampler(this, image);
  }

  /** Evaluates an interpolator at continuous indices without allocating per voxel. */
  static final class Sampler {
    private final Interpolation kind;
    private final Voxels image;
    private final Grid grid;
    private final int[] base = new int[3];
    private final double[] fraction = new double[3];
    private final boolean[] active = new boolean[3];

    private Sampler(Interpolation kind, Voxels image) {
      this.kind = kind;
      this.image = image;
      this.grid = image.grid();
    }

    /** The interpolated value at continuous index {@code c}, which must be {@link #inside}. */
    double at(double[] c) {
      if (kind == NEAREST) {
        return image.get(grid.index(nearest(c, 0), nearest(c, 1),
            grid.dimension() == 3 ? nearest(c, 2) : 0));
      }
      for (int axis = 0; axis < grid.dimension(); axis++) {
        base[axis] = (int) Math.max(Math.floor(c[axis]), 0);
        fraction[axis] = c[axis] - base[axis];
        active[axis] = fraction[axis] > 0 && base[axis] + 1 <= grid.extent(axis) - 1;
      }
      return linear(image, grid, base, fraction, active);
    }

    /** The nearest voxel inside the image: ITK's {@code NearestNeighborExtrapolateImageFunction}. */
    double extrapolate(double[] c) {
      base[2] = 0;
      for (int axis = 0; axis < grid.dimension(); axis++) {
        long rounded = PhysicalSpace.roundHalfUp(c[axis]);
        base[axis] = (int) Math.max(0, Math.min(grid.extent(axis) - 1, rounded));
      }
      return image.get(grid.index(base[0], base[1], base[2]));
    }
  }

  private static int nearest(double[] c, int axis) {
    return (int) PhysicalSpace.roundHalfUp(c[axis]);
  }

  private static double linear(Voxels image, Grid grid, int[] base, double[] f, boolean[] active) {
    int x1 = active[0] ? base[0] + 1 : base[0];
    double xy0 = plane(image, grid, base, f, active, x1, base[2]);
    if (!active[2]) {
      return xy0;
    }
    double xy1 = plane(image, grid, base, f, active, x1, base[2] + 1);
    return xy0 + (xy1 - xy0) * f[2];
  }

  /** Bilinear in the plane {@code z}: along x on both rows, then along y. */
  private static double plane(Voxels image, Grid grid, int[] base, double[] f, boolean[] active,
      int x1, int z) {
    double x0 = row(image, grid, base[0], x1, base[1], z, f[0], active[0]);
    if (!active[1]) {
      return x0;
    }
    double y1 = row(image, grid, base[0], x1, base[1] + 1, z, f[0], active[0]);
    return x0 + (y1 - x0) * f[1];
  }

  private static double row(Voxels image, Grid grid, int x0, int x1, int y, int z, double f,
      boolean active) {
    double v0 = image.get(grid.index(x0, y, z));
    if (!active) {
      return v0;
    }
    double v1 = image.get(grid.index(x1, y, z));
    return v0 + (v1 - v0) * f;
  }
}
