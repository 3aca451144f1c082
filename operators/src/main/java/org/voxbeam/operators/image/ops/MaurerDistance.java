package org.voxbeam.operators.image.ops;

import java.util.stream.IntStream;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * ITK's {@code SignedMaurerDistanceMapImageFilter}: the exact Euclidean distance of every voxel to
 * the object's contour, signed, in linear time (Maurer, Qi and Raghavan's separable algorithm: one
 * pass per axis keeps, on each line, the lower envelope of the parabolas rooted at the sites the
 * previous passes found).
 *
 * <p>The object is every voxel that differs from the background value; its contour is the object
 * voxels with a background voxel among their full neighbours (26 in 3D, 8 in 2D; outside the image
 * does not count), as ITK's {@code BinaryContourImageFilter} finds them. The result is {@code
 * float32} and, like ITK's, computed in {@code float}: the parabola tests, the squared distances
 * and the positions (index × spacing) round to single precision at the same steps, so the values
 * agree with ITK's to the bit. Contour voxels inside the object are {@code -0.0} when the inside is
 * negative. An image without a contour keeps ITK's initial value, the largest float, for every
 * voxel when squared, and its square root with the inside's sign otherwise.
 */
public final class MaurerDistance {
  private MaurerDistance() {}

  /**
   * @param background the input value outside the object, stored in the input's pixel type
   * @param insideIsPositive whether object voxels get positive distances
   * @param squared whether to keep squared distances
   * @param useSpacing whether distances are physical (spacing) or in voxels
   */
  public static ImageValue of(
      Voxels input,
      double background,
      boolean insideIsPositive,
      boolean squared,
      boolean useSpacing) {
    double stored = PixelCast.stored(input.dtype(), background);
    byte[] object = new byte[input.voxelCount()];
    for (int i = 0; i < object.length; i++) {
      object[i] = input.get(i) != stored ? (byte) 1 : 0;
    }
    return distances(input.geometry(), object, insideIsPositive, squared, useSpacing);
  }

  /**
   * {@code dt}: VoxLogicA-2's {@code SignedMaurerDistanceMap(Cast(image, sitkUInt8),
   * insideIsPositive=False, squaredDistance=False, useImageSpacing=True, backgroundValue=0)}.
   */
  public static ImageValue vox1(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    return distances(image.geometry(), voxels.toUint8Mask(), false, false, true);
  }

  private static ImageValue distances(
      ImageGeometry geometry,
      byte[] object,
      boolean insideIsPositive,
      boolean squared,
      boolean useSpacing) {
    Grid grid = Grid.of(geometry);
    float[] f = contour(grid, object);
    for (int axis = 0; axis < grid.dimension(); axis++) {
      double spacing = useSpacing ? geometry.spacing().get(axis) : 1.0;
      pass(grid, axis, spacing, useSpacing, object, insideIsPositive, f);
    }
    Float32Output out = new Float32Output(geometry);
    for (int i = 0; i < f.length; i++) {
      if (squared) {
        out.set(i, f[i]);
      } else {
        float distance = (float) Math.sqrt(Math.abs((double) f[i]));
        out.set(i, (object[i] != 0) == insideIsPositive ? distance : -distance);
      }
    }
    return out.toValue();
  }

  /** 0 on contour voxels, the largest float elsewhere, as ITK's initial image. */
  private static float[] contour(Grid grid, byte[] object) {
    byte[] background = new byte[object.length];
    for (int i = 0; i < object.length; i++) {
      background[i] = (byte) (1 - object[i]);
    }
    for (int axis = 0; axis < grid.dimension(); axis++) {
      background = dilateByOne(grid, axis, background);
    }
    float[] f = new float[object.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = object[i] != 0 && background[i] != 0 ? 0.0f : Float.MAX_VALUE;
    }
    return f;
  }

  /** Maximum over the voxel and its two neighbours along {@code axis}, within the image. */
  private static byte[] dilateByOne(Grid grid, int axis, byte[] in) {
    byte[] out = new byte[in.length];
    int stride = grid.stride(axis);
    int extent = grid.extent(axis);
    int block = stride * extent;
    for (int start = 0; start < in.length; start += block) {
      for (int p = 0; p < extent; p++) {
        int row = start + p * stride;
        for (int i = row; i < row + stride; i++) {
          byte v = in[i];
          if (p > 0) {
            v |= in[i - stride];
          }
          if (p < extent - 1) {
            v |= in[i + stride];
          }
          out[i] = v;
        }
      }
    }
    return out;
  }

  /** One Voronoi pass: every line along {@code axis}, independently and in parallel. */
  private static void pass(
      Grid grid,
      int axis,
      double spacing,
      boolean useSpacing,
      byte[] object,
      boolean insideIsPositive,
      float[] f) {
    int extent = grid.extent(axis);
    int stride = grid.stride(axis);
    int[] otherAxes =
        axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
    int inner = grid.extent(otherAxes[0]);
    int outer = grid.extent(otherAxes[1]);
    int innerStride = grid.stride(otherAxes[0]);
    int outerStride = grid.stride(otherAxes[1]);
    IntStream.range(0, outer)
        .parallel()
        .forEach(
            o -> {
              Line line = new Line(extent, spacing, useSpacing);
              for (int in = 0; in < inner; in++) {
                line.run(f, object, o * outerStride + in * innerStride, stride, insideIsPositive);
              }
            });
  }

  /** The working arrays of one line, reused for every line a task visits. */
  private static final class Line {
    private final int length;
    private final double spacing;
    private final boolean useSpacing;
    private final float[] g;
    private final float[] h;

    Line(int length, double spacing, boolean useSpacing) {
      this.length = length;
      this.spacing = spacing;
      this.useSpacing = useSpacing;
      this.g = new float[length];
      this.h = new float[length];
    }

    void run(float[] f, byte[] object, int start, int stride, boolean insideIsPositive) {
      int l = -1;
      float step = (float) spacing;
      for (int i = 0; i < length; i++) {
        float di = f[start + i * stride];
        if (di == Float.MAX_VALUE) {
          continue;
        }
        float iw = useSpacing ? (float) i * step : (float) i;
        while (l >= 1 && removable(g[l - 1], g[l], di, h[l - 1], h[l], iw)) {
          l--;
        }
        l++;
        g[l] = di;
        h[l] = iw;
      }
      if (l == -1) {
        return;
      }
      int sites = l;
      l = 0;
      for (int i = 0; i < length; i++) {
        float iw = useSpacing ? (float) (i * spacing) : (float) i;
        float d1 = Math.abs(g[l]) + (h[l] - iw) * (h[l] - iw);
        while (l < sites) {
          float d2 = Math.abs(g[l + 1]) + (h[l + 1] - iw) * (h[l + 1] - iw);
          if (d1 <= d2) {
            break;
          }
          l++;
          d1 = d2;
        }
        int at = start + i * stride;
        f[at] = (object[at] != 0) == insideIsPositive ? d1 : -d1;
      }
    }

    /** Maurer's test: the middle parabola is nowhere lowest once {@code f} is added. */
    private static boolean removable(float d1, float d2, float df, float x1, float x2, float xf) {
      float a = x2 - x1;
      float b = xf - x2;
      float c = xf - x1;
      float value = c * Math.abs(d2) - b * Math.abs(d1) - a * Math.abs(df) - a * b * c;
      return value > 0;
    }
  }
}
