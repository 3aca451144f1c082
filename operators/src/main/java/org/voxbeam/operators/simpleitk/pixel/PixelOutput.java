package org.voxbeam.operators.simpleitk.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.PixelCast;

/**
 * A pixel-wise result being computed, written straight into the little-endian bytes that become its
 * blob. Each setter is one of the ways C++ stores a result: a {@code float}, a {@code double}, an
 * integer's low bits, or {@code static_cast<T>} of a {@code double}.
 */
public final class PixelOutput {
  private final ImageGeometry geometry;
  private final Pixel pixel;
  private final byte[] bytes;
  private final ByteBuffer buffer;

  public PixelOutput(ImageGeometry geometry, Pixel pixel) {
    this.geometry = geometry;
    this.pixel = pixel;
    this.bytes = new byte[Math.toIntExact(geometry.voxelCount() * pixel.size())];
    this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  public Pixel pixel() {
    return pixel;
  }

  public int voxelCount() {
    return bytes.length / pixel.size();
  }

  public void float32(int i, float value) {
    buffer.putFloat(i * 4, value);
  }

  public void float64(int i, double value) {
    buffer.putDouble(i * 8, value);
  }

  /** Stores the low bits of an integer result. */
  public void integer(int i, long value) {
    pixel.write(buffer, i, value);
  }

  /** Stores {@code static_cast<T>(value)}. */
  public void real(int i, double value) {
    PixelCast.put(buffer, pixel.dtype(), i, value);
  }

  /**
   * Stores {@code static_cast<T>} of voxel {@code j} of {@code in} as voxel {@code i}: integers
   * keep their low bits, floats truncate toward zero, integers become the nearest float.
   */
  public void cast(int i, PixelInput in, int j) {
    Pixel from = in.pixel();
    if (!from.isInteger()) {
      real(i, in.real(j));
    } else if (pixel.isInteger()) {
      integer(i, in.integer(j));
    } else if (pixel == Pixel.FLOAT32) {
      float32(i, from.toFloat(in.integer(j)));
    } else {
      float64(i, from.real(in.integer(j)));
    }
  }

  /** Copies voxel {@code j} of {@code in}, which has this output's pixel type, bit for bit. */
  public void copyVoxel(int i, PixelInput in, int j) {
    int size = pixel.size();
    int at = j * in.step() * size;
    for (int b = 0; b < size; b++) {
      bytes[i * size + b] = in.bytes().get(at + b);
    }
  }

  /** Voxels {@code [from, from + n)} of a {@code float} output. */
  public void float32s(int from, float[] values, int n) {
    buffer.asFloatBuffer().put(from, values, 0, n);
  }

  /** Voxels {@code [from, from + n)} of a {@code double} output. */
  public void float64s(int from, double[] values, int n) {
    buffer.asDoubleBuffer().put(from, values, 0, n);
  }

  /** The low bits of integer results as voxels {@code [from, from + n)}. */
  public void integers(int from, long[] values, int n) {
    switch (pixel) {
      case INT8, UINT8 -> {
        for (int i = 0; i < n; i++) {
          bytes[from + i] = (byte) values[i];
        }
      }
      case INT16, UINT16 -> {
        for (int i = 0; i < n; i++) {
          buffer.putShort((from + i) * 2, (short) values[i]);
        }
      }
      case INT32, UINT32 -> {
        for (int i = 0; i < n; i++) {
          buffer.putInt((from + i) * 4, (int) values[i]);
        }
      }
      case INT64, UINT64 -> buffer.asLongBuffer().put(from, values, 0, n);
      case FLOAT32, FLOAT64 -> throw new IllegalStateException(pixel + " is not an integer type");
    }
  }

  /** {@code static_cast<T>} of {@code double} results as voxels {@code [from, from + n)}. */
  public void reals(int from, double[] values, int n) {
    switch (pixel) {
      case FLOAT64 -> float64s(from, values, n);
      case FLOAT32 -> {
        for (int i = 0; i < n; i++) {
          buffer.putFloat((from + i) * 4, (float) values[i]);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          real(from + i, values[i]);
        }
      }
    }
  }

  /** Voxels {@code [from, from + n)} from their bits (the low bits of each entry). */
  void bits(int from, long[] values, int n) {
    switch (pixel.size()) {
      case 1 -> {
        for (int i = 0; i < n; i++) {
          bytes[from + i] = (byte) values[i];
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          buffer.putShort((from + i) * 2, (short) values[i]);
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          buffer.putInt((from + i) * 4, (int) values[i]);
        }
      }
      default -> buffer.asLongBuffer().put(from, values, 0, n);
    }
  }

  /** Byte-sized results as voxels {@code [from, from + n)}. */
  public void bytes(int from, byte[] values, int n) {
    System.arraycopy(values, 0, bytes, from, n);
  }

  /** A byte-sized result ({@code uint8} masks and labels). */
  public void set(int i, byte value) {
    bytes[i] = value;
  }

  /** The finished image; the output must not be written afterwards. */
  public ImageValue toValue() {
    return new ImageValue(geometry, pixel.dtype(), InMemoryBlob.adopt(bytes));
  }
}
