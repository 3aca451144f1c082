package org.voxbeam.operators.simpleitk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.simpleitk.Operands.Constant;
import org.voxbeam.operators.simpleitk.pixel.BinaryFunctor;
import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;
import org.voxbeam.operators.simpleitk.pixel.PixelLoops;
import org.voxbeam.operators.simpleitk.pixel.PixelOutput;

/**
 * Pixel-wise arithmetic of two images, or of an image and a constant: ITK's binary functor filters
 * as SimpleITK runs them. The result has the inputs' pixel type (except {@code DivideReal}, which
 * gives {@code double}), and is computed as the C++ functor computes it: integers with C++'s
 * promotion and wrap-around, {@code float} pixels in {@code float}, {@code std::pow} and {@code
 * std::atan2} in {@code double} (Java's {@code Math.pow} and {@code StrictMath.atan2}, within an
 * ulp of the C library's; see {@link MathFunctions}).
 */
final class Arithmetic implements FilterFamily {
  /** ITK's {@code Math::NotAlmostEquals(B, 0)} for a {@code float} divisor: |B| > 0.1 ε. */
  private static final float FLOAT_ZERO = (float) (0.1 * Math.ulp(1.0f));

  private static final double DOUBLE_ZERO = 0.1 * Math.ulp(1.0);

  static final BinaryFunctor ADD =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
          }
        }
      };

  static final BinaryFunctor SUBTRACT =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] - b[i];
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] - b[i];
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] - b[i];
          }
        }
      };

  static final BinaryFunctor MULTIPLY =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
          }
        }
      };

  /**
   * ITK's {@code Div}: a zero divisor (for floats, one within 0.1 ε of zero) gives the type's
   * maximum, whatever the sign of the numerator; integers divide as C++ does, toward zero.
   */
  static final BinaryFunctor DIVIDE =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = Math.abs(b[i]) <= FLOAT_ZERO ? Float.MAX_VALUE : a[i] / b[i];
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = Math.abs(b[i]) <= DOUBLE_ZERO ? Double.MAX_VALUE : a[i] / b[i];
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = b[i] == 0 ? pixel.highest() : pixel.divide(a[i], b[i]);
          }
        }
      };

  /** ITK's {@code Modulus}: C++'s {@code %}; a zero divisor gives the type's maximum. */
  static final BinaryFunctor MODULUS =
      (IntegerOnly)
          (a, b, out, n, pixel) -> {
            for (int i = 0; i < n; i++) {
              out[i] = b[i] == 0 ? pixel.highest() : pixel.remainder(a[i], b[i]);
            }
          };

  /**
   * ITK's {@code DivFloor}: {@code floor(double(A) / double(B))}; for integer pixels an infinite
   * quotient saturates to the type's maximum or minimum.
   */
  static final BinaryFunctor DIVIDE_FLOOR =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = (float) Math.floor((double) a[i] / (double) b[i]);
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = Math.floor(a[i] / b[i]);
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            double quotient = Math.floor(pixel.real(a[i]) / pixel.real(b[i]));
            if (Double.isInfinite(quotient)) {
              out[i] = quotient > 0 ? pixel.highest() : pixel.lowest();
            } else {
              out[i] = pixel.cast(quotient);
            }
          }
        }
      };

  static final BinaryFunctor MAXIMUM =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] > b[i] ? a[i] : b[i];
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] > b[i] ? a[i] : b[i];
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = pixel.less(b[i], a[i]) ? a[i] : b[i];
          }
        }
      };

  static final BinaryFunctor MINIMUM =
      new BinaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] b, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] < b[i] ? a[i] : b[i];
          }
        }

        @Override
        public void float64(double[] a, double[] b, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] < b[i] ? a[i] : b[i];
          }
        }

        @Override
        public void integer(long[] a, long[] b, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = pixel.less(a[i], b[i]) ? a[i] : b[i];
          }
        }
      };

  static final BinaryFunctor POW = (BinaryFunctor.OnReals) Math::pow;
  static final BinaryFunctor ATAN2 = (BinaryFunctor.OnReals) StrictMath::atan2;

  static final BinaryFunctor ABSOLUTE_DIFFERENCE =
      (BinaryFunctor.OnReals)
          (a, b) -> {
            double difference = a - b;
            return difference > 0.0 ? difference : -difference;
          };

  static final BinaryFunctor SQUARED_DIFFERENCE =
      (BinaryFunctor.OnReals)
          (a, b) -> {
            double difference = a - b;
            return difference * difference;
          };

  static final BinaryFunctor AND =
      (IntegerOnly)
          (a, b, out, n, pixel) -> {
            for (int i = 0; i < n; i++) {
              out[i] = a[i] & b[i];
            }
          };

  static final BinaryFunctor OR =
      (IntegerOnly)
          (a, b, out, n, pixel) -> {
            for (int i = 0; i < n; i++) {
              out[i] = a[i] | b[i];
            }
          };

  static final BinaryFunctor XOR =
      (IntegerOnly)
          (a, b, out, n, pixel) -> {
            for (int i = 0; i < n; i++) {
              out[i] = a[i] ^ b[i];
            }
          };

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        Map.entry("Add", call -> binary(call, ADD, Constant.REAL)),
        Map.entry("Subtract", call -> binary(call, SUBTRACT, Constant.REAL)),
        Map.entry("Multiply", call -> binary(call, MULTIPLY, Constant.REAL)),
        Map.entry(
            "Divide",
            call -> {
              Operands operands = Operands.of(call, Constant.REAL);
              if (call.has("constant") && call.has("image1") && isZero(operands.second())) {
                throw call.failure(
                    "The constant value used as denominator should not be set to zero");
              }
              return PixelLoops.binary(
                  DIVIDE, operands.first(), operands.second(), operands.output(operands.pixel()));
            }),
        Map.entry("DivideFloor", call -> binary(call, DIVIDE_FLOOR, Constant.REAL)),
        Map.entry(
            "DivideReal",
            call -> {
              Operands operands = Operands.of(call, Constant.REAL);
              return PixelLoops.binary(
                  (BinaryFunctor.OnReals) (a, b) -> a / b,
                  operands.first(),
                  operands.second(),
                  operands.output(Pixel.FLOAT64));
            }),
        Map.entry("Modulus", call -> binary(call, MODULUS, Constant.INTEGER)),
        Map.entry("Pow", call -> binary(call, POW, Constant.REAL)),
        Map.entry("Atan2", call -> binary(call, ATAN2, Constant.REAL)),
        Map.entry(
            "AbsoluteValueDifference", call -> binary(call, ABSOLUTE_DIFFERENCE, Constant.REAL)),
        Map.entry("SquaredDifference", call -> binary(call, SQUARED_DIFFERENCE, Constant.REAL)),
        Map.entry("Maximum", call -> binary(call, MAXIMUM, Constant.REAL)),
        Map.entry("Minimum", call -> binary(call, MINIMUM, Constant.REAL)),
        Map.entry("And", call -> binary(call, AND, Constant.INTEGER)),
        Map.entry("Or", call -> binary(call, OR, Constant.INTEGER)),
        Map.entry("Xor", call -> binary(call, XOR, Constant.INTEGER)),
        Map.entry("NaryAdd", call -> nary(call, true)),
        Map.entry("NaryMaximum", call -> nary(call, false)));
  }

  /** ITK's {@code AlmostEquals(constant, 0)}, with which its divide filter refuses a constant. */
  private static boolean isZero(PixelInput constant) {
    return switch (constant.pixel()) {
      case FLOAT32 -> Math.abs(constant.float32(0)) <= FLOAT_ZERO;
      case FLOAT64 -> isZeroDivisor(constant.float64(0));
      default -> constant.integer(0) == 0;
    };
  }

  /** Whether ITK's {@code Div} takes a {@code double} divisor for zero. */
  static boolean isZeroDivisor(double divisor) {
    return Math.abs(divisor) <= DOUBLE_ZERO;
  }

  /** A binary functor filter whose result has the inputs' pixel type. */
  static ImageValue binary(Call call, BinaryFunctor functor, Constant constant) {
    Operands operands = Operands.of(call, constant);
    return PixelLoops.binary(
        functor, operands.first(), operands.second(), operands.output(operands.pixel()));
  }

  /**
   * {@code NaryAdd} and {@code NaryMaximum}: ITK sums in the pixel type's accumulator ({@code
   * double} for {@code float} pixels, so three {@code float} images do not add as two chained
   * {@code Add}s do) and takes the maximum from the type's lowest value.
   */
  private static Value nary(Call call, boolean add) {
    List<ImageValue> images = new ArrayList<>();
    if (call.has("images")) {
      images.addAll(call.images("images"));
    } else {
      for (int i = 1; call.has("image" + i); i++) {
        images.add(call.image("image" + i));
      }
    }
    if (images.isEmpty()) {
      throw call.failure("at least one input is required");
    }
    ImageValue first = images.get(0);
    requireInstantiated(call, first);
    for (int i = 1; i < images.size(); i++) {
      InputChecks.requireMatching(call, first, images.get(i), "image" + (i + 1));
    }
    PixelInput[] inputs = images.stream().map(PixelInput::of).toArray(PixelInput[]::new);
    Pixel pixel = inputs[0].pixel();
    PixelOutput out = new PixelOutput(first.geometry(), pixel);
    PixelLoops.forEachRange(
        out.voxelCount(),
        (from, to) -> {
          int block = Math.min(4096, to - from);
          if (pixel.isInteger()) {
            long[] x = new long[block];
            long[] result = new long[block];
            for (int s = from; s < to; s += block) {
              int len = Math.min(block, to - s);
              Arrays.fill(result, 0, len, add ? 0 : pixel.lowest());
              for (PixelInput input : inputs) {
                input.integers(s, x, len);
                for (int i = 0; i < len; i++) {
                  result[i] =
                      add ? result[i] + x[i] : pixel.less(result[i], x[i]) ? x[i] : result[i];
                }
              }
              out.integers(s, result, len);
            }
          } else if (pixel == Pixel.FLOAT32 && !add) {
            float[] x = new float[block];
            float[] result = new float[block];
            for (int s = from; s < to; s += block) {
              int len = Math.min(block, to - s);
              Arrays.fill(result, 0, len, -Float.MAX_VALUE);
              for (PixelInput input : inputs) {
                input.float32s(s, x, len);
                for (int i = 0; i < len; i++) {
                  result[i] = result[i] < x[i] ? x[i] : result[i];
                }
              }
              out.float32s(s, result, len);
            }
          } else {
            double[] x = new double[block];
            double[] result = new double[block];
            for (int s = from; s < to; s += block) {
              int len = Math.min(block, to - s);
              Arrays.fill(result, 0, len, add ? 0.0 : -Double.MAX_VALUE);
              for (PixelInput input : inputs) {
                input.reals(s, x, len);
                for (int i = 0; i < len; i++) {
                  result[i] = add ? result[i] + x[i] : result[i] < x[i] ? x[i] : result[i];
                }
              }
              out.reals(s, result, len);
            }
          }
        });
    return out.toValue();
  }

  /** A sequence of images bypasses the operator's check of the first image's pixel type. */
  private static void requireInstantiated(Call call, ImageValue image) {
    PixelId id = PixelId.of(image.dtype());
    if (!call.procedure().pixelTypes().contains(id)) {
      throw call.failure(
          "pixel type "
              + id.description()
              + " is not supported in "
              + image.geometry().dimension()
              + "D by "
              + call.procedure().filter().orElse("it"));
    }
  }

  /** A functor ITK instantiates for integer pixels only (the filter refuses the others). */
  @FunctionalInterface
  private interface IntegerOnly extends BinaryFunctor.InPixelType {
    @Override
    default void float32(float[] a, float[] b, float[] out, int n) {
      throw new IllegalStateException("integer functor on float pixels");
    }

    @Override
    default void float64(double[] a, double[] b, double[] out, int n) {
      throw new IllegalStateException("integer functor on float pixels");
    }
  }
}
