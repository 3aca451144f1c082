package org.voxbeam.operators.simpleitk;

import java.nio.ByteBuffer;
import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.simpleitk.pixel.Extremes;
import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelComparison;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;
import org.voxbeam.operators.simpleitk.pixel.PixelLoops;
import org.voxbeam.operators.simpleitk.pixel.PixelOutput;
import org.voxbeam.operators.simpleitk.pixel.UnaryFunctor;

/**
 * Intensity mappings: masking, clamping, rescaling, windowing, shift-scale, inversion, the sigmoid
 * and the two threshold filters, as SimpleITK configures the ITK filters: parameters SimpleITK
 * declares in the input or output pixel type are cast to it first (a threshold of 127.5 on a {@code
 * uint8} image is 127), comparisons are made in the pixel type, and linear maps are computed in
 * {@code double} and stored by {@code static_cast}.
 */
final class Intensity implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        Map.entry("Mask", call -> mask(call, false)),
        Map.entry("MaskNegated", call -> mask(call, true)),
        Map.entry("Clamp", Intensity::clamp),
        Map.entry("RescaleIntensity", Intensity::rescale),
        Map.entry("IntensityWindowing", Intensity::window),
        Map.entry("ShiftScale", Intensity::shiftScale),
        Map.entry("Normalize", Intensity::normalize),
        Map.entry("NormalizeToConstant", Intensity::normalizeToConstant),
        Map.entry("InvertIntensity", Intensity::invert),
        Map.entry("Sigmoid", Intensity::sigmoid),
        Map.entry("Threshold", Intensity::threshold),
        Map.entry(
            "BinaryThreshold",
            call ->
                binaryThreshold(
                    call,
                    call.image("image1"),
                    call.real("lowerThreshold"),
                    call.real("upperThreshold"),
                    (byte) call.integer("insideValue"),
                    (byte) call.integer("outsideValue"))));
  }

  /**
   * {@code Mask}: voxels where the mask differs from {@code maskingValue} keep their value, the
   * others become {@code outsideValue}; {@code MaskNegated} the reverse. The mask must be {@code
   * uint8}; {@code Mask} also takes an integer mask, which SimpleITK first turns into {@code
   * NotEqual(mask, maskingValue)} and then masks with the same masking value, cast to {@code
   * uint8}, so a masking value other than 0 keeps the voxels where the mask equals it.
   */
  private static ImageValue mask(Call call, boolean negated) {
    ImageValue image = call.image("image");
    ImageValue mask = call.image("maskImage");
    InputChecks.requireSameLattice(call, image, mask, "maskImage");
    double maskingValue = call.real("maskingValue");
    Pixel maskPixel = Pixel.of(mask.dtype());
    if (maskPixel != Pixel.UINT8) {
      if (negated || !maskPixel.isInteger()) {
        throw call.failure(
            "mask pixel type "
                + PixelId.of(mask.dtype()).description()
                + " is not supported; the mask must be "
                + (negated ? "" : "an integer image or ")
                + "8-bit unsigned integer");
      }
      mask =
          PixelLoops.compare(
              PixelComparison.NOT_EQUAL,
              PixelInput.of(mask),
              PixelInput.constant(maskPixel, maskingValue),
              (byte) 1,
              (byte) 0,
              new PixelOutput(mask.geometry(), Pixel.UINT8));
    }
    PixelInput in = PixelInput.of(image);
    ByteBuffer masks = PixelInput.of(mask).bytes();
    PixelInput outside = PixelInput.constant(in.pixel(), call.real("outsideValue"));
    byte masking = (byte) Pixel.UINT8.cast(maskingValue);
    return PixelLoops.select(
        in,
        (from, kept, n) -> {
          for (int i = 0; i < n; i++) {
            kept[i] = (masks.get(from + i) != masking) != negated;
          }
        },
        outside,
        new PixelOutput(image.geometry(), in.pixel()));
  }

  /**
   * {@code Clamp}: cast to {@code outputPixelType} (the input's by default) and clamp to the
   * bounds, which SimpleITK narrows to the output type's range and casts to it.
   */
  private static ImageValue clamp(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    Pixel out = outputPixel(call, "outputPixelType", in.pixel());
    double lowerBound = call.real("lowerBound");
    double upperBound = call.real("upperBound");
    PixelInput low;
    PixelInput high;
    double lower;
    double upper;
    if (out.isInteger()) {
      long lowest = out.real(out.lowest()) < lowerBound ? out.cast(lowerBound) : out.lowest();
      long highest = out.real(out.highest()) > upperBound ? out.cast(upperBound) : out.highest();
      if (out.less(highest, lowest)) {
        throw invalidBounds(call, out.real(lowest), out.real(highest));
      }
      low = PixelInput.integerConstant(out, lowest);
      high = PixelInput.integerConstant(out, highest);
      lower = out.real(lowest);
      upper = out.real(highest);
    } else {
      lower = out.minReal() < lowerBound ? out.castReal(lowerBound) : out.minReal();
      upper = out.maxReal() > upperBound ? out.castReal(upperBound) : out.maxReal();
      if (lower > upper) {
        throw invalidBounds(call, lower, upper);
      }
      low = PixelInput.constant(out, lower);
      high = PixelInput.constant(out, upper);
    }
    PixelOutput result = new PixelOutput(image.geometry(), out);
    if (in.pixel().isExactInDouble() && out.isExactInDouble()) {
      return PixelLoops.unary(
          (UnaryFunctor.OnReals) a -> a < lower ? lower : a > upper ? upper : a, in, result);
    }
    PixelLoops.forEachRange(
        result.voxelCount(),
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double value = in.real(i);
            if (value < lower) {
              result.copyVoxel(i, low, i);
            } else if (value > upper) {
              result.copyVoxel(i, high, i);
            } else {
              result.cast(i, in, i);
            }
          }
        });
    return result.toValue();
  }

  private static RuntimeException invalidBounds(Call call, double lower, double upper) {
    return call.failure("invalid bounds: [" + lower + "; " + upper + "]");
  }

  /**
   * {@code RescaleIntensity}: the linear map of the image's [min, max] onto [{@code outputMinimum},
   * {@code outputMaximum}] (both cast to the pixel type), computed in {@code double}, stored by
   * {@code static_cast} and clamped to the output range. A constant image maps to {@code
   * outputMinimum}, or by its value when that is not zero.
   */
  private static ImageValue rescale(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    Pixel pixel = in.pixel();
    double outMin = pixel.castReal(call.real("outputMinimum"));
    double outMax = pixel.castReal(call.real("outputMaximum"));
    if (outMin > outMax) {
      throw call.failure("Minimum output value cannot be greater than Maximum output value.");
    }
    Extremes extremes = Extremes.of(in, image.geometry().voxelCount());
    double inMin = extremes.minimum();
    double inMax = extremes.maximum();
    double scale;
    if (!extremes.equal()) {
      scale = (outMax - outMin) / (inMax - inMin);
    } else if (!extremes.maximumIsZero()) {
      scale = (outMax - outMin) / inMax;
    } else {
      scale = 0.0;
    }
    double shift = outMin - inMin * scale;
    PixelOutput out = new PixelOutput(image.geometry(), pixel);
    if (pixel.isExactInDouble()) {
      return PixelLoops.unary(
          (UnaryFunctor.OnReals)
              a -> {
                double stored = pixel.castReal(a * scale + shift);
                return stored > outMax ? outMax : stored < outMin ? outMin : stored;
              },
          in,
          out);
    }
    PixelInput low = PixelInput.constant(pixel, outMin);
    PixelInput high = PixelInput.constant(pixel, outMax);
    PixelLoops.forEachRange(
        out.voxelCount(),
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double stored = pixel.castReal(in.real(i) * scale + shift);
            if (stored > outMax) {
              out.copyVoxel(i, high, i);
            } else if (stored < outMin) {
              out.copyVoxel(i, low, i);
            } else {
              out.real(i, stored);
            }
          }
        });
    return out.toValue();
  }

  /**
   * {@code IntensityWindowing}: voxels below the window (compared in the pixel type) become {@code
   * outputMinimum}, above it {@code outputMaximum}, and the window maps linearly onto the output
   * range in between.
   */
  private static ImageValue window(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    Pixel pixel = in.pixel();
    double windowMin = pixel.castReal(call.real("windowMinimum"));
    double windowMax = pixel.castReal(call.real("windowMaximum"));
    double outMin = pixel.castReal(call.real("outputMinimum"));
    double outMax = pixel.castReal(call.real("outputMaximum"));
    double scale = (outMax - outMin) / (windowMax - windowMin);
    double shift = outMin - windowMin * scale;
    PixelOutput out = new PixelOutput(image.geometry(), pixel);
    if (pixel.isExactInDouble()) {
      return PixelLoops.unary(
          (UnaryFunctor.OnReals)
              a -> a < windowMin ? outMin : a > windowMax ? outMax : a * scale + shift,
          in,
          out);
    }
    PixelInput below = PixelInput.constant(pixel, outMin);
    PixelInput above = PixelInput.constant(pixel, outMax);
    PixelInput low = PixelInput.constant(pixel, windowMin);
    PixelInput high = PixelInput.constant(pixel, windowMax);
    PixelLoops.forEachRange(
        out.voxelCount(),
        (from, to) -> {
          for (int i = from; i < to; i++) {
            if (PixelComparison.LESS.holds(in, i, low)) {
              out.copyVoxel(i, below, i);
            } else if (PixelComparison.GREATER.holds(in, i, high)) {
              out.copyVoxel(i, above, i);
            } else {
              out.real(i, in.real(i) * scale + shift);
            }
          }
        });
    return out.toValue();
  }

  /**
   * {@code ShiftScale}: {@code (x + shift) * scale} in {@code double}, saturated to the range of
   * {@code outputPixelType} (the input's by default) and stored by {@code static_cast}.
   */
  private static ImageValue shiftScale(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    return shiftScale(
        image,
        in,
        outputPixel(call, "outputPixelType", in.pixel()),
        call.real("shift"),
        call.real("scale"));
  }

  private static ImageValue shiftScale(
      ImageValue image, PixelInput in, Pixel pixel, double shift, double scale) {
    double lowest = pixel.minReal();
    double highest = pixel.maxReal();
    if (pixel.isExactInDouble()) {
      return PixelLoops.unary(
          (UnaryFunctor.OnReals)
              a -> {
                double value = (a + shift) * scale;
                return value < lowest ? lowest : value > highest ? highest : value;
              },
          in,
          new PixelOutput(image.geometry(), pixel));
    }
    PixelInput low = PixelInput.integerConstant(pixel, pixel.isInteger() ? pixel.lowest() : 0);
    PixelInput high = PixelInput.integerConstant(pixel, pixel.isInteger() ? pixel.highest() : 0);
    PixelOutput out = new PixelOutput(image.geometry(), pixel);
    PixelLoops.forEachRange(
        out.voxelCount(),
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double value = (in.real(i) + shift) * scale;
            if (value < lowest) {
              storeBound(out, i, low, lowest);
            } else if (value > highest) {
              storeBound(out, i, high, highest);
            } else {
              out.real(i, value);
            }
          }
        });
    return out.toValue();
  }

  /** An integer bound exactly (a 64-bit maximum is not a double); a float one as itself. */
  private static void storeBound(PixelOutput out, int i, PixelInput bound, double value) {
    if (out.pixel().isInteger()) {
      out.copyVoxel(i, bound, i);
    } else {
      out.real(i, value);
    }
  }

  /**
   * {@code Normalize}: {@code (x - mean) / sigma} as {@code double}, with ITK's statistics (a
   * compensated sum; sigma with the n - 1 denominator) and its shift-scale, which saturates
   * infinities to the largest double.
   */
  private static ImageValue normalize(Call call) {
    ImageValue image = call.image("image1");
    Moments moments = Moments.of(PixelInput.of(image), image.geometry().voxelCount());
    return shiftScale(
        image, PixelInput.of(image), Pixel.FLOAT64, -moments.mean(), 1.0 / moments.sigma());
  }

  /**
   * {@code NormalizeToConstant}: every voxel divided by {@code sum / constant} in {@code double},
   * by ITK's divide filter, which refuses a divisor within 0.1 ε of zero.
   */
  private static ImageValue normalizeToConstant(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    double divisor = Moments.of(in, image.geometry().voxelCount()).sum() / call.real("constant");
    if (Arithmetic.isZeroDivisor(divisor)) {
      throw call.failure(
          "The constant value used as denominator should not be set to zero"
              + " (the image sums to zero)");
    }
    return PixelLoops.unary(
        (UnaryFunctor.OnReals) a -> a / divisor,
        in,
        new PixelOutput(image.geometry(), Pixel.FLOAT64));
  }

  /** {@code InvertIntensity}: {@code maximum - x} in the pixel type, maximum cast to it. */
  private static ImageValue invert(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    PixelInput maximum = PixelInput.constant(in.pixel(), call.real("maximum"));
    return PixelLoops.binary(
        Arithmetic.SUBTRACT, maximum, in, new PixelOutput(image.geometry(), in.pixel()));
  }

  /**
   * {@code Sigmoid}: {@code (max - min) / (1 + exp(-(x - beta) / alpha)) + min}, with the range
   * {@code max - min} computed in the pixel type as ITK's functor does.
   */
  private static ImageValue sigmoid(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    Pixel pixel = in.pixel();
    double alpha = call.real("alpha");
    double beta = call.real("beta");
    double outMax = pixel.castReal(call.real("outputMaximum"));
    double outMin = pixel.castReal(call.real("outputMinimum"));
    double range;
    if (pixel == Pixel.FLOAT32) {
      range = (float) outMax - (float) outMin;
    } else if (pixel == Pixel.FLOAT64) {
      range = outMax - outMin;
    } else {
      long max = pixel.cast(call.real("outputMaximum"));
      long min = pixel.cast(call.real("outputMinimum"));
      range = pixel.promotedReal(max - min);
    }
    return PixelLoops.unary(
        (UnaryFunctor.OnReals)
            a -> {
              double x = (a - beta) / alpha;
              double e = 1.0 / (1.0 + Math.exp(-x));
              return range * e + outMin;
            },
        in,
        new PixelOutput(image.geometry(), pixel));
  }

  /**
   * {@code Threshold}: voxels within [{@code lower}, {@code upper}] (cast to the pixel type; the
   * double extremes stand for the type's) keep their value, the others become {@code outsideValue}.
   */
  private static ImageValue threshold(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    Pixel pixel = in.pixel();
    double lowerBound = call.real("lower");
    double upperBound = call.real("upper");
    PixelInput lower =
        lowerBound == -Double.MAX_VALUE ? lowest(pixel) : PixelInput.constant(pixel, lowerBound);
    PixelInput upper =
        upperBound == Double.MAX_VALUE ? highest(pixel) : PixelInput.constant(pixel, upperBound);
    PixelInput outside = PixelInput.constant(pixel, call.real("outsideValue"));
    return PixelLoops.select(
        in,
        (from, kept, n) -> {
          for (int i = 0; i < n; i++) {
            kept[i] =
                PixelComparison.GREATER_EQUAL.holds(in, from + i, lower)
                    && PixelComparison.LESS_EQUAL.holds(in, from + i, upper);
          }
        },
        outside,
        new PixelOutput(image.geometry(), pixel));
  }

  /**
   * {@code BinaryThreshold}: {@code insideValue} for voxels within [{@code lower}, {@code upper}],
   * both cast to the pixel type, {@code outsideValue} elsewhere, as {@code uint8}. ITK refuses a
   * lower threshold above the upper one after the cast.
   */
  static ImageValue binaryThreshold(
      Call call, ImageValue image, double lower, double upper, byte inside, byte outside) {
    PixelInput in = PixelInput.of(image);
    Pixel pixel = in.pixel();
    PixelInput low = PixelInput.constant(pixel, lower);
    PixelInput high = PixelInput.constant(pixel, upper);
    if (PixelComparison.GREATER.holds(low, 0, high)) {
      throw call.failure("Lower threshold cannot be greater than upper threshold.");
    }
    return PixelLoops.within(
        in, low, high, inside, outside, new PixelOutput(image.geometry(), Pixel.UINT8));
  }

  /** The pixel type a {@code PixelIDValueEnum} parameter names; {@code sitkUnknown} keeps it. */
  private static Pixel outputPixel(Call call, String parameter, Pixel input) {
    return call.pixelId(parameter)
        .map(
            id ->
                Pixel.of(
                    id.dtype()
                        .orElseThrow(
                            () ->
                                call.failure(
                                    "cannot produce "
                                        + id.description()
                                        + " pixels: VoxBeam images hold scalar pixels"))))
        .orElse(input);
  }

  private static PixelInput lowest(Pixel pixel) {
    return pixel.isInteger()
        ? PixelInput.integerConstant(pixel, pixel.lowest())
        : PixelInput.constant(pixel, pixel.minReal());
  }

  private static PixelInput highest(Pixel pixel) {
    return pixel.isInteger()
        ? PixelInput.integerConstant(pixel, pixel.highest())
        : PixelInput.constant(pixel, pixel.maxReal());
  }
}
