package org.voxbeam.transforms.image.ops;

import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.image.Float32Output;
import org.voxbeam.transforms.image.Grid;
import org.voxbeam.transforms.image.Voxels;

/**
 * {@code gradient}: the gradient magnitude in physical units, as ITK's
 * {@code GradientMagnitudeImageFilter} computes it: central differences
 * {@code (f(x+1) - f(x-1)) / (2·spacing)} on the {@code float32} image, with the border voxel
 * repeated outside the image (zero-flux Neumann boundary).
 */
public final class Gradient {
  private Gradient() {}

  public static ImageValue magnitude(ImageValue image) {
    Voxels v = Voxels.of(image);
    Grid grid = v.grid();
    Float32Output out = new Float32Output(image.geometry());
    int n = grid.voxelCount();
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int axis = 0; axis < grid.dimension(); axis++) {
        int extent = grid.extent(axis);
        int stride = grid.stride(axis);
        int position = (i / stride) % extent;
        double before = (float) v.get(position > 0 ? i - stride : i);
        double after = (float) v.get(position < extent - 1 ? i + stride : i);
        double derivative = (after - before) / (2.0 * image.geometry().spacing().get(axis));
        sum += derivative * derivative;
      }
      out.set(i, Math.sqrt(sum));
    }
    return out.toValue();
  }
}
