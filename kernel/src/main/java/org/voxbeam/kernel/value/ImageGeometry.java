package org.voxbeam.kernel.value;

import java.util.List;

/**
 * Where an image's voxels sit in physical space: size in voxels per axis (x first), spacing, origin
 * and the row-major direction cosine matrix, as ITK and NIfTI describe them.
 */
public record ImageGeometry(
    List<Long> size, List<Double> spacing, List<Double> origin, List<Double> direction) {

  public ImageGeometry {
    size = List.copyOf(size);
    spacing = List.copyOf(spacing);
    origin = List.copyOf(origin);
    direction = List.copyOf(direction);
    int dims = size.size();
    if (dims != 2 && dims != 3) {
      throw new IllegalArgumentException("images have 2 or 3 dimensions, not " + dims);
    }
    if (spacing.size() != dims || origin.size() != dims || direction.size() != dims * dims) {
      throw new IllegalArgumentException("geometry components disagree on dimension " + dims);
    }
  }

  public int dimension() {
    return size.size();
  }

  public long voxelCount() {
    return NdArrayValue.elementCount(size);
  }
}
