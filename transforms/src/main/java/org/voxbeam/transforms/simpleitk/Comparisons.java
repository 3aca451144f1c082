package org.voxbeam.transforms.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.simpleitk.Operands.Constant;
import org.voxbeam.transforms.simpleitk.pixel.BinaryPredicate;
import org.voxbeam.transforms.simpleitk.pixel.Pixel;
import org.voxbeam.transforms.simpleitk.pixel.PixelInput;
import org.voxbeam.transforms.simpleitk.pixel.PixelLoops;

/**
 * Pixel-wise comparisons of two images, or of an image and a constant: ITK's logic functors,
 * giving a {@code uint8} image of SimpleITK's {@code foregroundValue} (default 1) where the
 * comparison holds and {@code backgroundValue} (0) elsewhere. The comparison is made in the
 * pixel type, after the constant is cast to it ({@code Greater(uint8Image, 127.5)} compares with
 * 127); NaN compares unequal to everything, as in C++.
 */
final class Comparisons implements FilterFamily {

  static final BinaryPredicate EQUAL = new BinaryPredicate() {
    @Override
    public boolean float32(float a, float b) {
      return a == b;
    }

    @Override
    public boolean float64(double a, double b) {
      return a == b;
    }

    @Override
    public boolean integer(long a, long b, Pixel pixel) {
      return a == b;
    }
  };

  static final BinaryPredicate NOT_EQUAL = new BinaryPredicate() {
    @Override
    public boolean float32(float a, float b) {
      return a != b;
    }

    @Override
    public boolean float64(double a, double b) {
      return a != b;
    }

    @Override
    public boolean integer(long a, long b, Pixel pixel) {
      return a != b;
    }
  };

  static final BinaryPredicate GREATER = new BinaryPredicate() {
    @Override
    public boolean float32(float a, float b) {
      return a > b;
    }

    @Override
    public boolean float64(double a, double b) {
      return a > b;
    }

    @Override
    public boolean integer(long a, long b, Pixel pixel) {
      return pixel.less(b, a);
    }
  };

  static final BinaryPredicate GREATER_EQUAL = new BinaryPredicate() {
    @Override
    public boolean float32(float a, float b) {
      return a >= b;
    }

    @Override
    public boolean float64(double a, double b) {
      return a >= b;
    }

    @Override
    public boolean integer(long a, long b, Pixel pixel) {
      return !pixel.less(a, b);
    }
  };

  static final BinaryPredicate LESS = new BinaryPredicate() {
    @Override
    public boolean float32(float a, float b) {
      return a < b;
    }

    @Override
    public boolean float64(double a, double b) {
      return a < b;
    }

    @Override
    public boolean integer(long a, long b, Pixel pixel) {
      return pixel.less(a, b);
    }
  };

  static final BinaryPredicate LESS_EQUAL = new BinaryPredicate() {
    @Override
    public boolean float32(float a, float b) {
      return a <= b;
    }

    @Override
    public boolean float64(double a, double b) {
      return a <= b;
    }

    @Override
    public boolean integer(long a, long b, Pixel pixel) {
      return !pixel.less(b, a);
    }
  };

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "Equal", call -> compare(call, EQUAL),
        "NotEqual", call -> compare(call, NOT_EQUAL),
        "Greater", call -> compare(call, GREATER),
        "GreaterEqual", call -> compare(call, GREATER_EQUAL),
        "Less", call -> compare(call, LESS),
        "LessEqual", call -> compare(call, LESS_EQUAL));
  }

  /** Whether {@code predicate} holds for voxel {@code i} of {@code a} and {@code b}. */
  static boolean holds(BinaryPredicate predicate, PixelInput a, int i, PixelInput b) {
    return switch (a.pixel()) {
      case FLOAT32 -> predicate.float32(a.float32(i), b.float32(i));
      case FLOAT64 -> predicate.float64(a.float64(i), b.float64(i));
      default -> predicate.integer(a.integer(i), b.integer(i), a.pixel());
    };
  }

  static ImageValue compare(Call call, BinaryPredicate predicate) {
    Operands operands = Operands.of(call, Constant.REAL);
    return PixelLoops.compare(predicate, operands.first(), operands.second(),
        (byte) call.integer("foregroundValue"), (byte) call.integer("backgroundValue"),
        operands.output(Pixel.UINT8));
  }
}
