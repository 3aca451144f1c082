package org.voxbeam.operators.simpleitk;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.ImageOutput;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * The borders of objects, as ITK's {@code LabelContourImageFilter} and {@code
 * BinaryContourImageFilter} find them: a voxel is on the border when a neighbour inside the image
 * (6 or 26 in 3D, 4 or 8 in 2D) is not of its object; outside the image never counts. The output
 * has the input's pixel type; the values given are stored in it as ITK's {@code static_cast} stores
 * them. Slices are processed in parallel.
 */
final class Contours {
  private Contours() {}

  /** {@code LabelContour}: border voxels of the labels keep them, all others are background. */
  static ImageValue label(Voxels in, double background, boolean fullyConnected) {
    double bg = PixelCast.stored(in.dtype(), background);
    double[] values = values(in);
    Neighbourhood around = Neighbourhood.of(in.grid(), fullyConnected);
    ImageOutput out = new ImageOutput(in.geometry(), in.dtype());
    forEachSlice(
        in.grid(),
        (x, y, z, i) -> {
          double v = values[i];
          out.set(i, v != bg && around.anyDiffers(values, v, x, y, z, i) ? v : bg);
        });
    return out.toValue();
  }

  /**
   * {@code BinaryContour}: foreground voxels on the border become {@code foreground}, the other
   * foreground voxels {@code background}; every other voxel keeps its value.
   */
  static ImageValue binary(
      Voxels in, double foreground, double background, boolean fullyConnected) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double bg = PixelCast.stored(in.dtype(), background);
    double[] values = values(in);
    Neighbourhood around = Neighbourhood.of(in.grid(), fullyConnected);
    ImageOutput out = new ImageOutput(in.geometry(), in.dtype());
    forEachSlice(
        in.grid(),
        (x, y, z, i) -> {
          double v = values[i];
          if (v != fg) {
            out.set(i, v);
          } else {
            out.set(i, around.anyDiffers(values, fg, x, y, z, i) ? fg : bg);
          }
        });
    return out.toValue();
  }

  private static double[] values(Voxels in) {
    double[] values = new double[in.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.get(i);
    }
    return values;
  }

  @FunctionalInterface
  private interface VoxelAction {
    void apply(int x, int y, int z, int index);
  }

  private static void forEachSlice(Grid grid, VoxelAction action) {
    IntStream.range(0, grid.nz())
        .parallel()
        .forEach(
            z -> {
              for (int y = 0; y < grid.ny(); y++) {
                for (int x = 0; x < grid.nx(); x++) {
                  action.apply(x, y, z, grid.index(x, y, z));
                }
              }
            });
  }

  /** The neighbour offsets of one connectivity, with their index steps. */
  private record Neighbourhood(Grid grid, int[] dx, int[] dy, int[] dz, int[] delta) {

    static Neighbourhood of(Grid grid, boolean fullyConnected) {
      int zRange = grid.dimension() == 3 ? 1 : 0;
      List<int[]> offsets = new ArrayList<>();
      for (int z = -zRange; z <= zRange; z++) {
        for (int y = -1; y <= 1; y++) {
          for (int x = -1; x <= 1; x++) {
            int axes = Math.abs(x) + Math.abs(y) + Math.abs(z);
            if (axes > 0 && (fullyConnected || axes == 1)) {
              offsets.add(new int[] {x, y, z});
            }
          }
        }
      }
      int n = offsets.size();
      int[] dx = new int[n];
      int[] dy = new int[n];
      int[] dz = new int[n];
      int[] delta = new int[n];
      for (int k = 0; k < n; k++) {
        dx[k] = offsets.get(k)[0];
        dy[k] = offsets.get(k)[1];
        dz[k] = offsets.get(k)[2];
        delta[k] = dx[k] + grid.nx() * (dy[k] + grid.ny() * dz[k]);
      }
      return new Neighbourhood(grid, dx, dy, dz, delta);
    }

    boolean anyDiffers(double[] values, double value, int x, int y, int z, int i) {
      for (int k = 0; k < delta.length; k++) {
        int xx = x + dx[k];
        int yy = y + dy[k];
        int zz = z + dz[k];
        if (xx >= 0
            && xx < grid.nx()
            && yy >= 0
            && yy < grid.ny()
            && zz >= 0
            && zz < grid.nz()
            && values[i + delta[k]] != value) {
          return true;
        }
      }
      return false;
    }
  }
}
