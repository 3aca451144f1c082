package org.voxbeam.operators.image;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageGeometry;

/**
 * Where an image's voxel indices sit in physical space, computed the way ITK's {@code ImageBase}
 * computes it: the index-to-physical matrix is direction × diag(spacing), a point is {@code origin
 * + M · index} summed in index order, and the inverse mapping multiplies by M<sup>-1</sup>. Filters
 * that move origins (extracting, padding, flipping, shrinking) and resampling go through this one
 * class so their arithmetic, and so their last bits, agree with ITK's.
 *
 * <p>ITK inverts M by a singular value decomposition; VoxBeam inverts it by Gauss-Jordan
 * elimination with partial pivoting, which is exact for the axis-aligned directions (a diagonal or
 * permuted M) nearly every image has, and within a few ulps of ITK's otherwise.
 */
public final class PhysicalSpace {
  /** ITK's default tolerance for inputs "occupying the same physical space". */
  private static final double SAME_SPACE_TOLERANCE = 1.0e-6;

  private final int dimension;
  private final double[] origin;
  private final double[][] indexToPhysical;
  private final double[][] physicalToIndex;

  private PhysicalSpace(ImageGeometry geometry) {
    this.dimension = geometry.dimension();
    this.origin = new double[dimension];
    this.indexToPhysical = new double[dimension][dimension];
    for (int r = 0; r < dimension; r++) {
      origin[r] = geometry.origin().get(r);
      for (int c = 0; c < dimension; c++) {
        indexToPhysical[r][c] =
            geometry.direction().get(r * dimension + c) * geometry.spacing().get(c);
      }
    }
    this.physicalToIndex = invert(indexToPhysical);
  }

  public static PhysicalSpace of(ImageGeometry geometry) {
    return new PhysicalSpace(geometry);
  }

  public int dimension() {
    return dimension;
  }

  /** ITK's {@code TransformIndexToPhysicalPoint}: the origin, then each index term added. */
  public double[] point(long[] index) {
    double[] point = new double[dimension];
    for (int r = 0; r < dimension; r++) {
      point[r] = origin[r];
      for (int c = 0; c < dimension; c++) {
        point[r] += indexToPhysical[r][c] * index[c];
      }
    }
    return point;
  }

  /** ITK's {@code TransformContinuousIndexToPhysicalPoint}: index terms summed, then the origin. */
  public double[] pointOfContinuousIndex(double[] index) {
    double[] point = new double[dimension];
    for (int r = 0; r < dimension; r++) {
      double sum = 0.0;
      for (int c = 0; c < dimension; c++) {
        sum += indexToPhysical[r][c] * index[c];
      }
      point[r] = sum + origin[r];
    }
    return point;
  }

  /** ITK's {@code TransformPhysicalPointToContinuousIndex}: M<sup>-1</sup> · (point - origin). */
  public double[] continuousIndex(double[] point) {
    double[] offset = new double[dimension];
    for (int k = 0; k < dimension; k++) {
      offset[k] = point[k] - origin[k];
    }
    double[] index = new double[dimension];
    for (int r = 0; r < dimension; r++) {
      double sum = 0.0;
      for (int c = 0; c < dimension; c++) {
        sum += physicalToIndex[r][c] * offset[c];
      }
      index[r] = sum;
    }
    return index;
  }

  /** ITK's {@code TransformPhysicalPointToIndex}: the continuous index rounded half up. */
  public long[] index(double[] point) {
    long[] index = new long[dimension];
    for (int r = 0; r < dimension; r++) {
      double sum = 0.0;
      for (int c = 0; c < dimension; c++) {
        sum += physicalToIndex[r][c] * (point[c] - origin[c]);
      }
      index[r] = roundHalfUp(sum);
    }
    return index;
  }

  /** ITK's {@code Math::RoundHalfIntegerUp}: ties go toward positive infinity. */
  public static long roundHalfUp(double value) {
    return (long) Math.floor(value + 0.5);
  }

  /** The origin an image gets when its first voxel is {@code start} of this space's grid. */
  public List<Double> originAt(long[] start) {
    List<Double> out = new ArrayList<>(dimension);
    for (double v : point(start)) {
      out.add(v);
    }
    return out;
  }

  /**
   * Fails unless {@code other} has {@code primary}'s size, origin, spacing and direction within
   * ITK's tolerance (10<sup>-6</sup> times the first spacing for coordinates, 10<sup>-6</sup> for
   * directions), as every ITK filter with several image inputs requires before it runs.
   */
  public static void requireSameSpace(
      ImageGeometry primary, ImageGeometry other, String otherName, String filter) {
    if (primary.dimension() != other.dimension()) {
      throw new OperatorException(
          filter
              + ": input \""
              + otherName
              + "\" has dimension of "
              + other.dimension()
              + " which does not match the primary input's dimension of "
              + primary.dimension());
    }
    if (!primary.size().equals(other.size())) {
      throw new OperatorException(
          filter
              + ": input \""
              + otherName
              + "\" has size of "
              + other.size()
              + " which does not match the primary input's size of "
              + primary.size());
    }
    double coordinates = Math.abs(SAME_SPACE_TOLERANCE * primary.spacing().get(0));
    if (!close(primary.origin(), other.origin(), coordinates)
        || !close(primary.spacing(), other.spacing(), coordinates)
        || !close(primary.direction(), other.direction(), SAME_SPACE_TOLERANCE)) {
      throw new OperatorException(
          filter
              + ": inputs do not occupy the same physical space: "
              + "origin "
              + primary.origin()
              + " and "
              + other.origin()
              + ", spacing "
              + primary.spacing()
              + " and "
              + other.spacing()
              + ", direction "
              + primary.direction()
              + " and "
              + other.direction());
    }
  }

  private static boolean close(List<Double> a, List<Double> b, double tolerance) {
    for (int i = 0; i < a.size(); i++) {
      if (!(Math.abs(a.get(i) - b.get(i)) <= tolerance)) {
        return false;
      }
    }
    return true;
  }

  /** Gauss-Jordan elimination with partial pivoting; refuses a singular matrix. */
  static double[][] invert(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    double[][] inverse = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
      inverse[i][i] = 1.0;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      if (a[pivot][col] == 0.0) {
        throw new OperatorException("the image's direction and spacing matrix is singular");
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      swap = inverse[col];
      inverse[col] = inverse[pivot];
      inverse[pivot] = swap;
      double scale = a[col][col];
      for (int c = 0; c < n; c++) {
        a[col][c] /= scale;
        inverse[col][c] /= scale;
      }
      for (int row = 0; row < n; row++) {
        double factor = a[row][col];
        if (row == col || factor == 0.0) {
          continue;
        }
        for (int c = 0; c < n; c++) {
          a[row][c] -= factor * a[col][c];
          inverse[row][c] -= factor * inverse[col][c];
        }
      }
    }
    return inverse;
  }
}
