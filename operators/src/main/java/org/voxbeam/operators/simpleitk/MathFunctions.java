package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;
import org.voxbeam.operators.simpleitk.pixel.PixelLoops;
import org.voxbeam.operators.simpleitk.pixel.PixelOutput;
import org.voxbeam.operators.simpleitk.pixel.SseRounding;
import org.voxbeam.operators.simpleitk.pixel.UnaryFunctor;

/**
 * Pixel-wise functions of one image: ITK's unary functor filters. The C library functions ({@code
 * std::exp}, {@code std::sin} …) are computed in {@code double} and stored by {@code static_cast}
 * in the input's pixel type, as ITK's functors do. Java's {@link Math} stands for the C library
 * where its x86-64 intrinsics track glibc's (nearly) correctly rounded {@code exp}, {@code log},
 * {@code pow}, {@code sin}, {@code cos} and {@code tan} (the same double on all but about 0.2% of
 * arguments), {@link StrictMath} for the others (within an ulp, the same double on 83-98%); rounded
 * to {@code float} the results agreed on every argument tried. {@code Abs}, {@code UnaryMinus},
 * {@code Round} and the logical negations compute in the pixel type.
 */
final class MathFunctions implements FilterFamily {

  static final UnaryFunctor ABS =
      new UnaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(a[i]) & 0x7fff_ffff);
          }
        }

        @Override
        public void float64(double[] a, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(a[i]) & Long.MAX_VALUE);
          }
        }

        @Override
        public void integer(long[] a, long[] out, int n, Pixel pixel) {
          boolean signed = pixel.isSigned();
          for (int i = 0; i < n; i++) {
            out[i] = signed ? Math.abs(a[i]) : a[i];
          }
        }
      };

  static final UnaryFunctor UNARY_MINUS =
      new UnaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = -a[i];
          }
        }

        @Override
        public void float64(double[] a, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = -a[i];
          }
        }

        @Override
        public void integer(long[] a, long[] out, int n, Pixel pixel) {
          for (int i = 0; i < n; i++) {
            out[i] = -a[i];
          }
        }
      };

  /** {@code Math::Round}: half-integers up, in 32 bits for float, 64 for double. */
  static final UnaryFunctor ROUND =
      new UnaryFunctor.InPixelType() {
        @Override
        public void float32(float[] a, float[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = SseRounding.roundHalfUp32(a[i]);
          }
        }

        @Override
        public void float64(double[] a, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = SseRounding.roundHalfUp64(a[i]);
          }
        }

        @Override
        public void integer(long[] a, long[] out, int n, Pixel pixel) {
          throw new IllegalStateException("Round takes float pixels only");
        }
      };

  /** {@code std::sqrt} in double, with its own loop: the function costs less than a call. */
  static final UnaryFunctor SQRT =
      new UnaryFunctor.OnReals() {
        @Override
        public double apply(double a) {
          return Math.sqrt(a);
        }

        @Override
        public void apply(double[] a, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(a[i]);
          }
        }
      };

  /** ITK's {@code Square}: the input as {@code double}, squared. */
  static final UnaryFunctor SQUARE =
      new UnaryFunctor.OnReals() {
        @Override
        public double apply(double a) {
          return a * a;
        }

        @Override
        public void apply(double[] a, double[] out, int n) {
          for (int i = 0; i < n; i++) {
            out[i] = a[i] * a[i];
          }
        }
      };

  /** ITK's {@code NOT}: 1 where the voxel is 0, else 0, in the input's type. */
  static final UnaryFunctor NOT =
      (IntegerOnly)
          (a, out, n, pixel) -> {
            for (int i = 0; i < n; i++) {
              out[i] = a[i] == 0 ? 1 : 0;
            }
          };

  static final UnaryFunctor BITWISE_NOT =
      (IntegerOnly)
          (a, out, n, pixel) -> {
            for (int i = 0; i < n; i++) {
              out[i] = ~a[i];
            }
          };

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        Map.entry("Abs", call -> unary(call, ABS)),
        Map.entry("UnaryMinus", call -> unary(call, UNARY_MINUS)),
        Map.entry("Round", call -> unary(call, ROUND)),
        Map.entry("Not", call -> unary(call, NOT)),
        Map.entry("BitwiseNot", call -> unary(call, BITWISE_NOT)),
        Map.entry("BinaryNot", MathFunctions::binaryNot),
        Map.entry("Sqrt", call -> unary(call, SQRT)),
        Map.entry("Square", call -> unary(call, SQUARE)),
        Map.entry("Exp", call -> unary(call, (UnaryFunctor.OnReals) Math::exp)),
        Map.entry(
            "ExpNegative", call -> unary(call, (UnaryFunctor.OnReals) a -> Math.exp(-1.0 * a))),
        Map.entry("Log", call -> unary(call, (UnaryFunctor.OnReals) Math::log)),
        Map.entry("Log10", call -> unary(call, (UnaryFunctor.OnReals) StrictMath::log10)),
        Map.entry("Sin", call -> unary(call, (UnaryFunctor.OnReals) Math::sin)),
        Map.entry("Cos", call -> unary(call, (UnaryFunctor.OnReals) Math::cos)),
        Map.entry("Tan", call -> unary(call, (UnaryFunctor.OnReals) Math::tan)),
        Map.entry("Asin", call -> unary(call, (UnaryFunctor.OnReals) StrictMath::asin)),
        Map.entry("Acos", call -> unary(call, (UnaryFunctor.OnReals) StrictMath::acos)),
        Map.entry("Atan", call -> unary(call, (UnaryFunctor.OnReals) StrictMath::atan)),
        Map.entry(
            "BoundedReciprocal",
            call -> {
              ImageValue image = call.image("image1");
              return PixelLoops.unary(
                  (UnaryFunctor.OnReals) a -> 1.0 / (1.0 + a),
                  PixelInput.of(image),
                  new PixelOutput(image.geometry(), Pixel.FLOAT64));
            }));
  }

  /** A unary functor filter whose result has the input's pixel type. */
  static ImageValue unary(Call call, UnaryFunctor functor) {
    ImageValue image = call.image("image1");
    PixelInput input = PixelInput.of(image);
    return PixelLoops.unary(functor, input, new PixelOutput(image.geometry(), input.pixel()));
  }

  /**
   * ITK's {@code BinaryNotImageFilter}: voxels equal to the foreground become the background, all
   * others the foreground; both values are first cast to the pixel type.
   */
  private static ImageValue binaryNot(Call call) {
    Pixel pixel = Pixel.of(call.image("image1").dtype());
    long foreground = pixel.cast(call.real("foregroundValue"));
    long background = pixel.cast(call.real("backgroundValue"));
    return unary(
        call,
        (IntegerOnly)
            (a, out, n, p) -> {
              for (int i = 0; i < n; i++) {
                out[i] = a[i] == foreground ? background : foreground;
              }
            });
  }

  /** A functor ITK instantiates for integer pixels only (the filter refuses the others). */
  @FunctionalInterface
  private interface IntegerOnly extends UnaryFunctor.InPixelType {
    @Override
    default void float32(float[] a, float[] out, int n) {
      throw new IllegalStateException("integer functor on float pixels");
    }

    @Override
    default void float64(double[] a, double[] out, int n) {
      throw new IllegalStateException("integer functor on float pixels");
    }
  }
}
