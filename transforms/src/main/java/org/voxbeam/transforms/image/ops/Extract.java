package org.voxbeam.transforms.image.ops;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.transforms.image.Grid;
import org.voxbeam.transforms.image.Voxels;

/**
 * {@code extract(image, size, index)}: the sub-image of {@code size} voxels starting at
 * {@code index}, placed where it was (origin moved to the first voxel), as ITK's extract filter
 * does. A size of 0 along an axis takes the single slice at the index and drops the axis, so a
 * 3D volume yields a 2D image.
 */
public final class Extract {
  private Extract() {}

  public static ImageValue of(ImageValue image, long[] size, long[] index) {
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    if (size.length != dims || index.length != dims) {
      throw new OperatorException("extract needs size and index of length " + dims + " for a " + dims + "D image");
    }
    List<Integer> kept = new ArrayList<>();
    long[] span = new long[3];
    long[] start = new long[3];
    for (int axis = 0; axis < 3; axis++) {
      long extent = axis < dims ? g.size().get(axis) : 1;
      span[axis] = axis < dims ? (size[axis] == 0 ? 1 : size[axis]) : 1;
      start[axis] = axis < dims ? index[axis] : 0;
      if (axis < dims && size[axis] != 0) {
        kept.add(axis);
      }
      if (start[axis] < 0 || span[axis] < 0 || start[axis] + span[axis] > extent) {
        throw new OperatorException("extract region " + java.util.Arrays.toString(index) + " + " + java.util.Arrays.toString(size) + " is outside the image of size " + g.size());
      }
    }
    if (kept.size() < 2) {
      throw new OperatorException("extract must keep at least two axes, got " + kept.size());
    }
    Voxels v = Voxels.of(image);
    Grid grid = v.grid();
    int width = image.dtype().byteSize();
    byte[] out = new byte[Math.toIntExact(span[0] * span[1] * span[2] * width)];
    java.nio.ByteBuffer source = v.buffer();
    int cursor = 0;
    for (long z = start[2]; z < start[2] + span[2]; z++) {
      for (long y = start[1]; y < start[1] + span[1]; y++) {
        int from = grid.index((int) start[0], (int) y, (int) z) * width;
        for (int b = 0; b < span[0] * width; b++) {
          out[cursor++] = source.get(from + b);
        }
      }
    }
    return new ImageValue(geometry(g, kept, span, start), image.dtype(), InMemoryBlob.adopt(out));
  }

  private static ImageGeometry geometry(ImageGeometry g, List<Integer> kept, long[] span, long[] start) {
    int dims = g.dimension();
    List<Long> size = new ArrayList<>();
    List<Double> spacing = new ArrayList<>();
    List<Double> origin = new ArrayList<>();
    List<Double> direction = new ArrayList<>();
    double[] physical = new double[dims];
    for (int row = 0; row < dims; row++) {
      physical[row] = g.origin().get(row);
      for (int col = 0; col < dims; col++) {
        physical[row] += g.direction().get(row * dims + col) * g.spacing().get(col) * start[col];
      }
    }
    for (int row : kept) {
      size.add(span[row]);
      spacing.add(g.spacing().get(row));
      origin.add(physical[row]);
      for (int col : kept) {
        direction.add(g.direction().get(row * dims + col));
      }
    }
    return new ImageGeometry(size, spacing, origin, direction);
  }
}
