package org.voxbeam.transforms.simpleitk;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.simpleitk.pixel.Pixel;
import org.voxbeam.transforms.simpleitk.pixel.PixelInput;
import org.voxbeam.transforms.simpleitk.pixel.PixelLoops;
import org.voxbeam.transforms.simpleitk.pixel.PixelOutput;
import org.voxbeam.transforms.simpleitk.pixel.SseRounding;
import org.voxbeam.transforms.simpleitk.pixel.UnaryFunctor;

/**
 * Pixel-wise functions of one image: ITK's unary functor filters. The C library functions
 * ({@code std::exp}, {@code std::sin} …) are computed in {@code double} and stored by
 * {@code static_cast} in the input's pixel type, as ITK's functors do. Java's {@link Math}
 * stands for the C library where its x86-64 intrinsics track glibc's (nearly) correctly rounded
 * {@code exp}, {@code log}, {@code pow}, {@code sin}, {@code cos} and {@code tan} (the same
 * double on all but about 0.2% of arguments), {@link StrictMath} for the others (within an ulp,
 * the same double on 83-98%); rounded to {@code float} the results agreed on every argument
 * tried. {@code Abs}, {@code UnaryMinus}, {@code Round} and the logical negations compute in
 * the pixel type.
 */
final class MathFunctions implements FilterFamily {

  static final UnaryFunctor ABS = new UnaryFunctor.InPixelType() {
    @Override
    public float float32(float a) {
      return Float.intBitsToFloat(Float.floatToRawIntBits(a) & 0x7fff_ffff);
    }

    @Override
    public double float64(double a) {
      return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & Long.MAX_VALUE);
    }

    @Override
    public long integer(long a, Pixel pixel) {
      return pixel.isSigned() ? Math.abs(a) : a;
    }
  };

  static final UnaryFunctor UNARY_MINUS = new UnaryFunctor.InPixelType() {
    @Override
    public float float32(float a) {
      return -a;
    }

    @Override
    public double float64(double a) {
      return -a;
    }

    @Override
    public long integer(long a, Pixel pixel) {
      return -a;
    }
  };

  /** {@code Math::Round}: half-integers up, in 32 bits for float, 64 for double. */
  static final UnaryFunctor ROUND = new UnaryFunctor.InPixelType() {
    @Override
    public float float32(float a) {
      return SseRounding.roundHalfUp32(a);
    }

    @Override
    public double float64(double a) {
      return SseRounding.roundHalfUp64(a);
    }

    @Override
    public long integer(long a, Pixel pixel) {
      throw new IllegalStateException("Round takes float pixels only");
    }
  };

  /** ITK's {@code NOT}: 1 where the voxel is 0, else 0, in the input's type. */
  static final UnaryFunctor NOT = integerOnly((a, pixel) -> a == 0 ? 1 : 0);

  static final UnaryFunctor BITWISE_NOT = integerOnly((a, pixel) -> ~a);

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        Map.entry("Abs", call -> unary(call, ABS)),
        Map.entry("UnaryMinus", call -> unary(call, UNARY_MINUS)),
        Map.entry("Round", call -> unary(call, ROUND)),
        Map.entry("Not", call -> unary(call, NOT)),
        Map.entry("BitwiseNot", call -> unary(call, BITWISE_NOT)),
        Map.entry("BinaryNot", MathFunctions::binaryNot),
        Map.entry("Sqrt", call -> real(call, Math::sqrt)),
        Map.entry("Square", call -> real(call, a -> a * a)),
        Map.entry("Exp", call -> real(call, Math::exp)),
        Map.entry("ExpNegative", call -> real(call, a -> Math.exp(-1.0 * a))),
        Map.entry("Log", call -> real(call, Math::log)),
        Map.entry("Log10", call -> real(call, StrictMath::log10)),
        Map.entry("Sin", call -> real(call, Math::sin)),
        Map.entry("Cos", call -> real(call, Math::cos)),
        Map.entry("Tan", call -> real(call, Math::tan)),
        Map.entry("Asin", call -> real(call, StrictMath::asin)),
        Map.entry("Acos", call -> real(call, StrictMath::acos)),
        Map.entry("Atan", call -> real(call, StrictMath::atan)),
        Map.entry("BoundedReciprocal", call -> {
          ImageValue image = call.image("image1");
          return PixelLoops.unary((UnaryFunctor.OnReals) a -> 1.0 / (1.0 + a),
              PixelInput.of(image), new PixelOutput(image.geometry(), Pixel.FLOAT64));
        }));
  }

  /** A unary functor filter whose result has the input's pixel type. */
  static ImageValue unary(Call call, UnaryFunctor functor) {
    ImageValue image = call.image("image1");
    PixelInput input = PixelInput.of(image);
    return PixelLoops.unary(functor, input, new PixelOutput(image.geometry(), input.pixel()));
  }

  private static ImageValue real(Call call, DoubleUnaryOperator function) {
    return unary(call, (UnaryFunctor.OnReals) function::applyAsDouble);
  }

  /**
   * ITK's {@code BinaryNotImageFilter}: voxels equal to the foreground become the background,
   * all others the foreground; both values are first cast to the pixel type.
   */
  private static ImageValue binaryNot(Call call) {
    Pixel pixel = Pixel.of(call.image("image1").dtype());
    long foreground = pixel.cast(call.real("foregroundValue"));
    long background = pixel.cast(call.real("backgroundValue"));
    return unary(call, integerOnly((a, p) -> a == foreground ? background : foreground));
  }

  /** The integer arithmetic of a functor ITK instantiates for integer pixels only. */
  @FunctionalInterface
  private interface IntegerFunction {
    long apply(long a, Pixel pixel);
  }

  private static UnaryFunctor integerOnly(IntegerFunction function) {
    return new UnaryFunctor.InPixelType() {
      @Override
      public float float32(float a) {
        throw new IllegalStateException("integer functor on float pixels");
      }

      @Override
      public double float64(double a) {
        throw new IllegalStateException("integer functor on float pixels");
      }

      @Override
      public long integer(long a, Pixel pixel) {
        return function.apply(a, pixel);
      }
    };
  }
}
