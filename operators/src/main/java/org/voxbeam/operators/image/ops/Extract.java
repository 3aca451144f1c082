package org.voxbeam.operators.image.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.Voxels;

/**
 * SimpleITK's {@code Extract} (ITK's {@code ExtractImageFilter}): the voxels of the region {@code
 * index}…{@code index + size - 1}, where a size of 0 takes the single slice at the index and drops
 * the axis, so a 3D volume yields a 2D image.
 *
 * <p>The geometry is ITK's: the kept axes keep their spacing, their components of the input's
 * origin and the sub-matrix of the direction over them; when an axis is dropped the direction
 * collapses by the strategy asked for (the identity, the sub-matrix, or the sub-matrix unless it is
 * singular). SimpleITK then moves the origin to the region's first voxel in the output's own space,
 * so a dropped axis's offset does not enter the origin, as it does not in ITK.
 */
public final class Extract {
  /** {@code DIRECTIONCOLLAPSETOUNKOWN}, SimpleITK's spelling: no strategy, an error. */
  public static final int COLLAPSE_UNKNOWN = 0;

  public static final int COLLAPSE_TO_IDENTITY = 1;
  public static final int COLLAPSE_TO_SUBMATRIX = 2;

  /** The sub-matrix, or the identity when it is singular: SimpleITK's default. */
  public static final int COLLAPSE_TO_GUESS = 3;

  private Extract() {}

  /**
   * @param size at least one entry per image axis; extra entries are ignored, as SimpleITK does
   * @param index at least one entry per image axis
   */
  public static ImageValue of(ImageValue image, long[] size, long[] index, int collapse) {
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    if (size.length < dims || index.length < dims) {
      throw new OperatorException(
          "Extract: size and index need "
              + dims
              + " values for a "
              + dims
              + "D image, got "
              + size.length
              + " and "
              + index.length);
    }
    List<Integer> kept = new ArrayList<>();
    long[] start = new long[3];
    long[] span = {1, 1, 1};
    for (int axis = 0; axis < dims; axis++) {
      if (size[axis] < 0) {
        throw new OperatorException(
            "Extract: size must not be negative, got "
                + Arrays.toString(Arrays.copyOf(size, dims)));
      }
      if (size[axis] != 0) {
        kept.add(axis);
      }
      start[axis] = index[axis];
      span[axis] = Math.max(1, size[axis]);
      if (index[axis] < 0 || index[axis] + span[axis] > g.size().get(axis)) {
        throw new OperatorException(
            "Extract: the region at "
                + Arrays.toString(Arrays.copyOf(index, dims))
                + " of size "
                + Arrays.toString(Arrays.copyOf(size, dims))
                + " is outside the image of size "
                + g.size());
      }
    }
    if (kept.size() < 2) {
      throw new OperatorException(
          "Extract: the extraction size "
              + Arrays.toString(Arrays.copyOf(size, dims))
              + " has dimension of "
              + kept.size()
              + "; at least two dimensions in size must be non-zero");
    }
    ImageGeometry out = geometry(g, kept, span, start, collapse);
    return new ImageValue(out, image.dtype(), InMemoryBlob.adopt(copy(image, span, start)));
  }

  /**
   * VoxLogicA-2's {@code extract(image, size, index)}: {@code Extract} with three entries per
   * vector (whole numbers by truncation, as {@code int(float(v))}), of which a 2D image uses two.
   * VoxBeam also takes exactly as many entries as the image has axes.
   */
  public static ImageValue vox1(ImageValue image, long[] size, long[] index) {
    int dims = image.geometry().dimension();
    for (long[] vector : List.of(size, index)) {
      if (vector.length != 3 && vector.length != dims) {
        throw new OperatorException(
            "extract: "
                + (vector == size ? "size" : "index")
                + " must have length 3, got "
                + vector.length);
      }
    }
    return of(image, size, index, COLLAPSE_TO_GUESS);
  }

  private static byte[] copy(ImageValue image, long[] span, long[] start) {
    Voxels v = Voxels.of(image);
    Grid grid = v.grid();
    int width = image.dtype().byteSize();
    byte[] out = new byte[Math.toIntExact(span[0] * span[1] * span[2] * width)];
    java.nio.ByteBuffer source = v.buffer().duplicate();
    int rowBytes = (int) span[0] * width;
    int cursor = 0;
    for (long z = start[2]; z < start[2] + span[2]; z++) {
      for (long y = start[1]; y < start[1] + span[1]; y++) {
        source.position(grid.index((int) start[0], (int) y, (int) z) * width);
        source.get(out, cursor, rowBytes);
        cursor += rowBytes;
      }
    }
    return out;
  }

  private static ImageGeometry geometry(
      ImageGeometry g, List<Integer> kept, long[] span, long[] start, int collapse) {
    int dims = g.dimension();
    int n = kept.size();
    List<Long> size = new ArrayList<>();
    List<Double> spacing = new ArrayList<>();
    List<Double> origin = new ArrayList<>();
    double[] direction = new double[n * n];
    long[] outputIndex = new long[n];
    for (int r = 0; r < n; r++) {
      int axis = kept.get(r);
      size.add(span[axis]);
      spacing.add(g.spacing().get(axis));
      origin.add(g.origin().get(axis));
      outputIndex[r] = start[axis];
      for (int c = 0; c < n; c++) {
        direction[r * n + c] = g.direction().get(axis * dims + kept.get(c));
      }
    }
    if (n != dims) {
      direction = collapsed(direction, n, collapse);
    }
    List<Double> directionList = new ArrayList<>();
    for (double d : direction) {
      directionList.add(d);
    }
    ImageGeometry atRegion = new ImageGeometry(size, spacing, origin, directionList);
    if (Arrays.stream(outputIndex).allMatch(i -> i == 0)) {
      return atRegion;
    }
    return new ImageGeometry(
        size, spacing, PhysicalSpace.of(atRegion).originAt(outputIndex), directionList);
  }

  private static double[] collapsed(double[] direction, int n, int collapse) {
    return switch (collapse) {
      case COLLAPSE_TO_IDENTITY -> identity(n);
      case COLLAPSE_TO_SUBMATRIX -> {
        if (determinant(direction, n) == 0.0) {
          throw new OperatorException(
              "Extract: invalid submatrix extracted for collapsed direction");
        }
        yield direction;
      }
      case COLLAPSE_TO_GUESS -> determinant(direction, n) == 0.0 ? identity(n) : direction;
      default ->
          throw new OperatorException(
              "Extract: the strategy for collapsing the direction"
                  + " matrix must be given (DIRECTIONCOLLAPSETOIDENTITY, …TOSUBMATRIX or …TOGUESS)");
    };
  }

  private static double[] identity(int n) {
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      out[i * n + i] = 1.0;
    }
    return out;
  }

  private static double determinant(double[] m, int n) {
    if (n == 2) {
      return m[0] * m[3] - m[1] * m[2];
    }
    return m[0] * (m[4] * m[8] - m[5] * m[7])
        - m[1] * (m[3] * m[8] - m[5] * m[6])
        + m[2] * (m[3] * m[7] - m[4] * m[6]);
  }
}
