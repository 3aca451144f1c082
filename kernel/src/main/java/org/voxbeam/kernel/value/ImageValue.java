package org.voxbeam.kernel.value;

import java.util.Objects;

/**
 * A 2D image or 3D volume: geometry, voxel type, and voxels as a blob of little-endian bytes with x
 * varying fastest.
 */
public record ImageValue(ImageGeometry geometry, DType dtype, Blob voxels) implements Value {
  public ImageValue {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(voxels, "voxels");
    long expected = geometry.voxelCount() * dtype.byteSize();
    if (voxels.size() != expected) {
      throw new IllegalArgumentException(
          "image data holds " + voxels.size() + " bytes, geometry needs " + expected);
    }
  }

  /** {@code image2d} or {@code volume3d}, as VoxLogicA-2 names them. */
  @Override
  public String voxType() {
    return geometry.dimension() == 2 ? "image2d" : "volume3d";
  }
}
