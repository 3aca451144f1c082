package org.voxbeam.operators.image.ops;

import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.Voxels;

/**
 * Images that depend only on a geometry: constants, the border mask and the voxel-index coordinate
 * images {@code x}, {@code y}, {@code z} (indices, not millimetres, as VoxLogicA-2 builds them;
 * {@code z} of a 2D image is 0 everywhere).
 */
public final class Coordinates {
  private Coordinates() {}

  public static ImageValue filledMask(ImageGeometry geometry, boolean value) {
    byte[] out = new byte[Grid.of(geometry).voxelCount()];
    if (value) {
      java.util.Arrays.fill(out, (byte) 1);
    }
    return Voxels.mask(geometry, out);
  }

  public static ImageValue constant(ImageGeometry geometry, double value) {
    Float32Output out = new Float32Output(geometry);
    int n = Grid.of(geometry).voxelCount();
    for (int i = 0; i < n; i++) {
      out.set(i, value);
    }
    return out.toValue();
  }

  /** True on the first and last voxel along every axis of the image. */
  public static ImageValue border(ImageGeometry geometry) {
    Grid grid = Grid.of(geometry);
    byte[] out = new byte[grid.voxelCount()];
    for (int i = 0; i < out.length; i++) {
      for (int axis = 0; axis < grid.dimension(); axis++) {
        int position = (i / grid.stride(axis)) % grid.extent(axis);
        if (position == 0 || position == grid.extent(axis) - 1) {
          out[i] = 1;
          break;
        }
      }
    }
    return Voxels.mask(geometry, out);
  }

  /** The index along {@code axis} of every voxel ({@code float32}). */
  public static ImageValue coordinate(ImageGeometry geometry, int axis) {
    Grid grid = Grid.of(geometry);
    Float32Output out = new Float32Output(geometry);
    for (int i = 0; i < grid.voxelCount(); i++) {
      out.set(i, axis < grid.dimension() ? (i / grid.stride(axis)) % grid.extent(axis) : 0);
    }
    return out.toValue();
  }
}
