package org.voxbeam.operators.simpleitk;

import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.Voxels;

/**
 * ITK's image interpolators at a continuous index: {@code NearestNeighborInterpolateImageFunction}
 * (round half up), {@code LinearInterpolateImageFunction} (multilinear, interpolating x first, then
 * y, then z, in {@code double}; an axis whose fraction is not positive or whose next voxel is past
 * the end is not interpolated) and the nearest-neighbour extrapolator (the nearest voxel inside).
 * {@link Sampler#inside} is ITK's {@code IsInsideBuffer}: up to half a voxel beyond the first and
 * last voxel centres, the last bound excluded.
 */
enum Interpolation {
  NEAREST,
  LINEAR;

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
    String name =
        SimpleItkProcedures.shipped().interpolators().entrySet().stream()
            .filter(e -> e.getValue() == enumerator)
            .map(java.util.Map.Entry::getKey)
            .findFirst()
            .orElse(String.valueOf(enumerator));
    throw call.failure(
        "interpolator "
            + name
            + " is not supported yet; VoxBeam has"
            + " sitkNearestNeighbor and sitkLinear");
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
    private final int dims;
    private final int[] last;
    private final int[] stride;
    private final int[] base = new int[3];

    private Sampler(Interpolation kind, Voxels image) {
      this.kind = kind;
      this.image = image;
      this.grid = image.grid();
      this.dims = grid.dimension();
      this.last = new int[dims];
      this.stride = new int[dims];
      for (int axis = 0; axis < dims; axis++) {
        last[axis] = grid.extent(axis) - 1;
        stride[axis] = grid.stride(axis);
      }
    }

    /** ITK's {@code IsInsideBuffer}: within half a voxel of the first and last centres. */
    boolean inside(double[] c) {
      for (int axis = 0; axis < dims; axis++) {
        if (!(c[axis] >= -0.5 && c[axis] < last[axis] + 0.5)) {
          return false;
        }
      }
      return true;
    }

    /** The interpolated value at continuous index {@code c}, which must be {@link #inside}. */
    double at(double[] c) {
      if (kind == NEAREST) {
        int at = 0;
        for (int axis = 0; axis < dims; axis++) {
          at += (int) PhysicalSpace.roundHalfUp(c[axis]) * stride[axis];
        }
        return image.get(at);
      }
      int at = 0;
      double fx = 0;
      double fy = 0;
      double fz = 0;
      int sx = 0;
      int sy = 0;
      int sz = 0;
      for (int axis = 0; axis < dims; axis++) {
        int b = (int) Math.max(Math.floor(c[axis]), 0);
        double f = c[axis] - b;
        at += b * stride[axis];
        int step = f > 0 && b + 1 <= last[axis] ? stride[axis] : 0;
        switch (axis) {
          case 0 -> {
            fx = f;
            sx = step;
          }
          case 1 -> {
            fy = f;
            sy = step;
          }
          default -> {
            fz = f;
            sz = step;
          }
        }
      }
      double xy0 = plane(at, sx, sy, fx, fy);
      if (sz == 0) {
        return xy0;
      }
      double xy1 = plane(at + sz, sx, sy, fx, fy);
      return xy0 + (xy1 - xy0) * fz;
    }

    /** Bilinear in one plane: along x on both rows, then along y; inactive axes are skipped. */
    private double plane(int at, int sx, int sy, double fx, double fy) {
      double x0 = row(at, sx, fx);
      if (sy == 0) {
        return x0;
      }
      double x1 = row(at + sy, sx, fx);
      return x0 + (x1 - x0) * fy;
    }

    private double row(int at, int sx, double fx) {
      double v0 = image.get(at);
      if (sx == 0) {
        return v0;
      }
      double v1 = image.get(at + sx);
      return v0 + (v1 - v0) * fx;
    }

    /** The nearest voxel inside: ITK's {@code NearestNeighborExtrapolateImageFunction}. */
    double extrapolate(double[] c) {
      base[2] = 0;
      for (int axis = 0; axis < dims; axis++) {
        long rounded = PhysicalSpace.roundHalfUp(c[axis]);
        base[axis] = (int) Math.max(0, Math.min(last[axis], rounded));
      }
      return image.get(grid.index(base[0], base[1], base[2]));
    }
  }
}
