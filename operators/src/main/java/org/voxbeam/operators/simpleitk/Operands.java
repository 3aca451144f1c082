package org.voxbeam.operators.simpleitk;

import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;
import org.voxbeam.operators.simpleitk.pixel.PixelOutput;

/**
 * The two inputs of a binary functor filter from whichever of SimpleITK's overloads was called:
 * {@code (image1, image2)}, {@code (image1, constant)} or {@code (constant, image2)}. A constant is
 * converted to the image's pixel type first, as SimpleITK's {@code ToPixelType} does.
 *
 * @param image the image whose pixel type and geometry the result takes
 */
record Operands(PixelInput first, PixelInput second, ImageValue image) {

  /** The type of a filter's {@code constant} parameter. */
  enum Constant {
    /** {@code double constant}: converted by {@code static_cast} (truncation for integers). */
    REAL,
    /** {@code uint32_t} or {@code int} constant: converted as C++ converts integers. */
    INTEGER
  }

  static Operands of(Call call, Constant constant) {
    if (call.has("image1") && call.has("image2")) {
      ImageValue first = call.image("image1");
      ImageValue second = call.image("image2");
      InputChecks.requireMatching(call, first, second, "image2");
      return new Operands(PixelInput.of(first), PixelInput.of(second), first);
    }
    if (call.has("image1")) {
      ImageValue image = call.image("image1");
      return new Operands(PixelInput.of(image), constant(call, constant, image), image);
    }
    ImageValue image = call.image("image2");
    return new Operands(constant(call, constant, image), PixelInput.of(image), image);
  }

  Pixel pixel() {
    return first.pixel();
  }

  /** An output of the images' geometry and {@code pixel}. */
  PixelOutput output(Pixel pixel) {
    return new PixelOutput(image.geometry(), pixel);
  }

  private static PixelInput constant(Call call, Constant type, ImageValue image) {
    Pixel pixel = Pixel.of(image.dtype());
    return switch (type) {
      case REAL -> PixelInput.constant(pixel, call.real("constant"));
      case INTEGER -> PixelInput.integerConstant(pixel, call.integer("constant"));
    };
  }
}
