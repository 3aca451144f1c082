package org.voxbeam.operators.simpleitk;

import java.util.List;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;

/**
 * The checks SimpleITK and ITK make on a filter's further image inputs against its primary one: the
 * same dimension and pixel type (SimpleITK, before dispatching), the same size, and the same
 * physical space (ITK's {@code VerifyInputInformation}: origin and spacing within 1e-6 times the
 * primary input's first spacing, direction within 1e-6).
 *
 * <p>SimpleITK's binary functor filters leave the size to ITK, which fails when the second image is
 * smaller and silently reads the corner of a larger one; VoxBeam refuses both.
 */
final class InputChecks {
  /** ITK's {@code GlobalDefaultCoordinateTolerance} and {@code GlobalDefaultDirectionTolerance}. */
  private static final double TOLERANCE = 1e-6;

  private InputChecks() {}

  /** Dimension, pixel type, size and physical space, as pixel-wise filters of two images need. */
  static void requireMatching(Call call, ImageValue primary, ImageValue other, String name) {
    requireSameDimension(call, primary, other, name);
    requireSamePixelType(call, primary, other, name);
    requireSameSize(call, primary, other, name);
    requireSameSpace(call, primary, other, name);
  }

  /** Dimension, size and physical space: an input whose pixel type the filter converts. */
  static void requireSameLattice(Call call, ImageValue primary, ImageValue other, String name) {
    requireSameDimension(call, primary, other, name);
    requireSameSize(call, primary, other, name);
    requireSameSpace(call, primary, other, name);
  }

  static void requireSameDimension(Call call, ImageValue primary, ImageValue other, String name) {
    int dimension = other.geometry().dimension();
    int expected = primary.geometry().dimension();
    if (dimension != expected) {
      throw call.failure(
          "input "
              + name
              + " has dimension "
              + dimension
              + ", which does not match the primary input's dimension "
              + expected);
    }
  }

  static void requireSamePixelType(Call call, ImageValue primary, ImageValue other, String name) {
    PixelId id = PixelId.of(other.dtype());
    PixelId expected = PixelId.of(primary.dtype());
    if (id != expected) {
      throw call.failure(
          "input "
              + name
              + " has pixel type "
              + id.description()
              + ", which does not match the primary input's pixel type "
              + expected.description()
              + "; cast it to "
              + expected.constant()
              + " first");
    }
  }

  static void requireSameSize(Call call, ImageValue primary, ImageValue other, String name) {
    List<Long> size = other.geometry().size();
    List<Long> expected = primary.geometry().size();
    if (!size.equals(expected)) {
      throw call.failure(
          "input "
              + name
              + " has size "
              + size
              + ", which does not match the primary input's size "
              + expected);
    }
  }

  static void requireSameSpace(Call call, ImageValue primary, ImageValue other, String name) {
    ImageGeometry a = primary.geometry();
    ImageGeometry b = other.geometry();
    double coordinates = Math.abs(TOLERANCE * a.spacing().get(0));
    if (!close(a.origin(), b.origin(), coordinates)) {
      throw notInSameSpace(call, name, "origin", b.origin(), a.origin());
    }
    if (!close(a.spacing(), b.spacing(), coordinates)) {
      throw notInSameSpace(call, name, "spacing", b.spacing(), a.spacing());
    }
    if (!close(a.direction(), b.direction(), TOLERANCE)) {
      throw notInSameSpace(call, name, "direction", b.direction(), a.direction());
    }
  }

  private static RuntimeException notInSameSpace(
      Call call, String name, String what, List<Double> theirs, List<Double> primary) {
    return call.failure(
        "inputs do not occupy the same physical space: "
            + name
            + " has "
            + what
            + " "
            + theirs
            + ", the primary input "
            + primary);
  }

  private static boolean close(List<Double> a, List<Double> b, double tolerance) {
    for (int i = 0; i < a.size(); i++) {
      if (Math.abs(a.get(i) - b.get(i)) > tolerance) {
        return false;
      }
    }
    return true;
  }
}
