package org.voxbeam.transforms.image.ops;

import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.image.Grid;
import org.voxbeam.transforms.image.Voxels;

/**
 * {@code near} and {@code interior}: dilation and erosion of a mask by the unit box (the
 * 26-neighbourhood in 3D, 8 in 2D). The box is separable, so each is three 1D passes of
 * max/min over three voxels, linear in the number of voxels. Voxels outside the image are
 * ignored: dilation does not grow in from outside and erosion does not eat in from outside, as
 * ITK's binary dilate and erode (with boundary-to-foreground) behave.
 */
public final class Morphology {
  private Morphology() {}

  public static ImageValue near(ImageValue image) {
    return Voxels.mask(image.geometry(), boxFilter(Voxels.of(image), true));
  }

  public static ImageValue interior(ImageValue image) {
    return Voxels.mask(image.geometry(), boxFilter(Voxels.of(image), false));
  }

  private static byte[] boxFilter(Voxels voxels, boolean dilate) {
    Grid grid = voxels.grid();
    byte[] current = voxels.toMask();
    byte[] next = new byte[current.length];
    for (int axis = 0; axis < grid.dimension(); axis++) {
      pass(grid, axis, current, next, dilate);
      byte[] swap = current;
      current = next;
      next = swap;
    }
    return current;
  }

  private static void pass(Grid grid, int axis, byte[] in, byte[] out, boolean dilate) {
    int extent = grid.extent(axis);
    int stride = grid.stride(axis);
    int n = grid.voxelCount();
    for (int i = 0; i < n; i++) {
      int position = (i / stride) % extent;
      int v = in[i];
      if (position > 0) {
        v = dilate ? v | in[i - stride] : v & in[i - stride];
      }
      if (position < extent - 1) {
        v = dilate ? v | in[i + stride] : v & in[i + stride];
      }
      out[i] = (byte) v;
    }
  }
}
