package org.voxbeam.operators.image;

import java.util.List;
import org.voxbeam.kernel.value.ImageGeometry;

/**
 * The voxel lattice of an image: extents with x fastest, as the voxel blob is laid out. A 2D image
 * is a grid with {@code nz == 1} and {@code dimension == 2}, so the spatial kernels are written
 * once for both; neighbourhoods stay in the plane because the z extent is one.
 */
public record Grid(int dimension, int nx, int ny, int nz) {
  public Grid {
    if (nx < 0 || ny < 0 || nz < 0) {
      throw new IllegalArgumentException("negative grid extent");
    }
  }

  /** The grid of a geometry; refuses images with more than {@code Integer.MAX_VALUE} voxels. */
  public static Grid of(ImageGeometry geometry) {
    List<Long> size = geometry.size();
    long count = geometry.voxelCount();
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "image of " + count + " voxels is too large for one array");
    }
    int nz = geometry.dimension() == 3 ? Math.toIntExact(size.get(2)) : 1;
    return new Grid(
        geometry.dimension(), Math.toIntExact(size.get(0)), Math.toIntExact(size.get(1)), nz);
  }

  public int voxelCount() {
    return nx * ny * nz;
  }

  public int index(int x, int y, int z) {
    return x + nx * (y + ny * z);
  }

  /** The extent along {@code axis} (0 = x). */
  public int extent(int axis) {
    return axis == 0 ? nx : axis == 1 ? ny : nz;
  }

  /** The index step along {@code axis}. */
  public int stride(int axis) {
    return axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
  }
}
