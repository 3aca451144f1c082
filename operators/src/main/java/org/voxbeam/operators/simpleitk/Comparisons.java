package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.simpleitk.Operands.Constant;
import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelComparison;
import org.voxbeam.operators.simpleitk.pixel.PixelLoops;

/**
 * Pixel-wise comparisons of two images, or of an image and a constant: ITK's logic functors, giving
 * a {@code uint8} image of SimpleITK's {@code foregroundValue} (default 1) where the comparison
 * holds and {@code backgroundValue} (0) elsewhere. The comparison is made in the pixel type, after
 * the constant is cast to it ({@code Greater(uint8Image, 127.5)} compares with 127); NaN compares
 * unequal to everything, as in C++.
 */
final class Comparisons implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "Equal", call -> compare(call, PixelComparison.EQUAL),
        "NotEqual", call -> compare(call, PixelComparison.NOT_EQUAL),
        "Greater", call -> compare(call, PixelComparison.GREATER),
        "GreaterEqual", call -> compare(call, PixelComparison.GREATER_EQUAL),
        "Less", call -> compare(call, PixelComparison.LESS),
        "LessEqual", call -> compare(call, PixelComparison.LESS_EQUAL));
  }

  static ImageValue compare(Call call, PixelComparison comparison) {
    Operands operands = Operands.of(call, Constant.REAL);
    return PixelLoops.compare(
        comparison,
        operands.first(),
        operands.second(),
        (byte) call.integer("foregroundValue"),
        (byte) call.integer("backgroundValue"),
        operands.output(Pixel.UINT8));
  }
}
