package org.voxbeam.operators.simpleitk.pixel;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Voxels;

/**
 * One input of a pixel-wise functor: an image's voxels, or a constant already converted to the
 * pixel type the way SimpleITK's constant overloads convert it ({@code Add(image, 2.5)} adds {@code
 * static_cast<T>(2.5)}). A constant is a one-voxel buffer read at every index, so a loop serves
 * both overloads. Loops read blocks of voxels into primitive arrays ({@link #float32s} …); the
 * per-voxel accessors serve the filters that visit voxels one by one.
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

  public boolean isConstant() {
    return step == 0;
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

  /** Voxels {@code [from, from + n)} of a {@code float} input. */
  public void float32s(int from, float[] into, int n) {
    if (isConstant()) {
      Arrays.fill(into, 0, n, float32(0));
    } else {
      bytes.asFloatBuffer().get(from, into, 0, n);
    }
  }

  /** Voxels {@code [from, from + n)} of a {@code double} input. */
  public void float64s(int from, double[] into, int n) {
    if (isConstant()) {
      Arrays.fill(into, 0, n, float64(0));
    } else {
      bytes.asDoubleBuffer().get(from, into, 0, n);
    }
  }

  /** Voxels {@code [from, from + n)} of an integer input, as their exact values. */
  public void integers(int from, long[] into, int n) {
    if (isConstant()) {
      Arrays.fill(into, 0, n, integer(0));
      return;
    }
    switch (pixel) {
      case INT8 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.get(from + i);
        }
      }
      case UINT8 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.get(from + i) & 0xffL;
        }
      }
      case INT16 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.getShort((from + i) * 2);
        }
      }
      case UINT16 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.getShort((from + i) * 2) & 0xffffL;
        }
      }
      case INT32 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.getInt((from + i) * 4);
        }
      }
      case UINT32 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.getInt((from + i) * 4) & 0xffff_ffffL;
        }
      }
      case INT64, UINT64 -> bytes.asLongBuffer().get(from, into, 0, n);
      case FLOAT32, FLOAT64 -> throw new IllegalStateException(pixel + " is not an integer type");
    }
  }

  /** Voxels {@code [from, from + n)} as {@code static_cast<double>} gives them. */
  public void reals(int from, double[] into, int n) {
    switch (pixel) {
      case FLOAT64 -> float64s(from, into, n);
      case FLOAT32 -> {
        for (int i = 0; i < n; i++) {
          into[i] = float32(from + i);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          into[i] = real(from + i);
        }
      }
    }
  }

  /** The bits of voxel {@code i}, zero-extended: for bit-exact selection. */
  long bits(int i) {
    int at = i * step;
    return switch (pixel.size()) {
      case 1 -> bytes.get(at) & 0xffL;
      case 2 -> bytes.getShort(at * 2) & 0xffffL;
      case 4 -> bytes.getInt(at * 4) & 0xffff_ffffL;
      default -> bytes.getLong(at * 8);
    };
  }

  /** The bits of voxels {@code [from, from + n)}, zero-extended. */
  void bits(int from, long[] into, int n) {
    switch (pixel.size()) {
      case 1 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.get(from + i) & 0xffL;
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.getShort((from + i) * 2) & 0xffffL;
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          into[i] = bytes.getInt((from + i) * 4) & 0xffff_ffffL;
        }
      }
      default -> bytes.asLongBuffer().get(from, into, 0, n);
    }
  }
}
