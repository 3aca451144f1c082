package org.voxbeam.transforms.simpleitk.pixel;

import java.nio.ByteBuffer;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.image.Voxels;

/**
 * One input of a pixel-wise functor: an image's voxels, or a constant already converted to the
 * pixel type the way SimpleITK's constant overloads convert it ({@code Add(image, 2.5)} adds
 * {@code static_cast<T>(2.5)}). A constant is a one-voxel buffer read at every index, so a loop
 * serves both overloads.
 *
 * @param step 1 for an image, 0 for a constant
 */
public record PixelInput(Pixel pixel, ByteBuffer bytes, int step) {

  public static PixelInput of(ImageValue image) {
    return new PixelInput(Pixel.of(image.dtype()), Voxels.of(image).buffer(), 1);
  }

  /** {@code static_cast<T>(value)} read at every index. */
  public static PixelInput constant(Pixel pixel, double value) {
    return new PixelInput(pixel, pixel.constant(value), 0);
  }

  /** An integer constant ({@code uint32_t}, {@code int} parameters) converted to {@code pixel}. */
  public static PixelInput integerConstant(Pixel pixel, long value) {
    return new PixelInput(pixel, pixel.integerConstant(value), 0);
  }

  public float float32(int i) {
    return bytes.getFloat(i * step * 4);
  }

  public double float64(int i) {
    return bytes.getDouble(i * step * 8);
  }

  public long integer(int i) {
    return pixel.read(bytes, i * step);
  }

  /** Voxel {@code i} as {@code static_cast<double>} gives it. */
  public double real(int i) {
    int at = i * step;
    return switch (pixel) {
      case FLOAT32 -> bytes.getFloat(at * 4);
      case FLOAT64 -> bytes.getDouble(at * 8);
      default -> pixel.real(pixel.read(bytes, at));
    };
  }
}
