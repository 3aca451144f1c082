package org.voxbeam.operators.simpleitk.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.operators.image.PixelCast;

/**
 * A scalar pixel type as C++ computes with it, which is what ITK's functors do: integers keep their
 * width and signedness (a {@code uint8} difference wraps), {@code float} arithmetic stays in {@code
 * float}, conversions from {@code double} are {@code static_cast}s ({@link PixelCast}).
 *
 * <p>Integer voxels are handled as {@code long}s holding their exact value (sign- or
 * zero-extended); a result is stored by keeping its low bits, which is what C++'s integer promotion
 * followed by the conversion back to the pixel type does. {@code uint64} values are the {@code
 * long} with the same bits, so it compares, divides and converts unsigned.
 */
public enum Pixel {
  INT8(DType.INT8, -0x80L, 0x7fL),
  UINT8(DType.UINT8, 0L, 0xffL),
  INT16(DType.INT16, -0x8000L, 0x7fffL),
  UINT16(DType.UINT16, 0L, 0xffffL),
  INT32(DType.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE),
  UINT32(DType.UINT32, 0L, 0xffff_ffffL),
  INT64(DType.INT64, Long.MIN_VALUE, Long.MAX_VALUE),
  UINT64(DType.UINT64, 0L, -1L),
  FLOAT32(DType.FLOAT32, 0L, 0L),
  FLOAT64(DType.FLOAT64, 0L, 0L);

  private static final double TWO_TO_63 = 0x1p63;

  private final DType dtype;
  private final long lowest;
  private final long highest;

  Pixel(DType dtype, long lowest, long highest) {
    this.dtype = dtype;
    this.lowest = lowest;
    this.highest = highest;
  }

  /** The pixel type of voxels of {@code dtype}; booleans are SimpleITK's {@code uint8} masks. */
  public static Pixel of(DType dtype) {
    return switch (dtype) {
      case BOOL, UINT8 -> UINT8;
      case INT8 -> INT8;
      case UINT16 -> UINT16;
      case INT16 -> INT16;
      case UINT32 -> UINT32;
      case INT32 -> INT32;
      case UINT64 -> UINT64;
      case INT64 -> INT64;
      case FLOAT32 -> FLOAT32;
      case FLOAT64 -> FLOAT64;
    };
  }

  public DType dtype() {
    return dtype;
  }

  public boolean isInteger() {
    return this != FLOAT32 && this != FLOAT64;
  }

  /** Whether every value of the type is a double, so a voxel can be computed on as one. */
  public boolean isExactInDouble() {
    return this != INT64 && this != UINT64;
  }

  public boolean isSigned() {
    return switch (this) {
      case UINT8, UINT16, UINT32, UINT64 -> false;
      default -> true;
    };
  }

  /** Bytes per voxel. */
  public int size() {
    return dtype.byteSize();
  }

  /** Integer voxel {@code i} of a little-endian buffer of this type, as its exact value. */
  public long read(ByteBuffer buffer, int i) {
    return switch (this) {
      case INT8 -> buffer.get(i);
      case UINT8 -> buffer.get(i) & 0xffL;
      case INT16 -> buffer.getShort(i * 2);
      case UINT16 -> buffer.getShort(i * 2) & 0xffffL;
      case INT32 -> buffer.getInt(i * 4);
      case UINT32 -> buffer.getInt(i * 4) & 0xffff_ffffL;
      case INT64, UINT64 -> buffer.getLong(i * 8);
      case FLOAT32, FLOAT64 -> throw new IllegalStateException(this + " is not an integer type");
    };
  }

  /** Stores the low bits of {@code value} as integer voxel {@code i}. */
  public void write(ByteBuffer buffer, int i, long value) {
    switch (this) {
      case INT8, UINT8 -> buffer.put(i, (byte) value);
      case INT16, UINT16 -> buffer.putShort(i * 2, (short) value);
      case INT32, UINT32 -> buffer.putInt(i * 4, (int) value);
      case INT64, UINT64 -> buffer.putLong(i * 8, value);
      case FLOAT32, FLOAT64 -> throw new IllegalStateException(this + " is not an integer type");
    }
  }

  /** {@code value} wrapped into this integer type, as a conversion from a wider integer does. */
  public long wrap(long value) {
    return switch (this) {
      case INT8 -> (byte) value;
      case UINT8 -> value & 0xffL;
      case INT16 -> (short) value;
      case UINT16 -> value & 0xffffL;
      case INT32 -> (int) value;
      case UINT32 -> value & 0xffff_ffffL;
      default -> value;
    };
  }

  /** {@code static_cast<double>} of an integer value of this type. */
  public double real(long value) {
    return this == UINT64 ? PixelCast.unsignedToDouble(value) : value;
  }

  /** {@code static_cast<float>} of an integer value of this type: the nearest float. */
  public float toFloat(long value) {
    if (this == UINT64 && value < 0) {
      return ((value >>> 1) | (value & 1)) * 2.0f;
    }
    return value;
  }

  /**
   * {@code value}, the exact result of C++ integer arithmetic on two values of this type, as the
   * double of the type the arithmetic promotes to: {@code int} for the narrow types (whose results
   * always fit), the type itself for the 32 and 64-bit ones, which wrap.
   */
  public double promotedReal(long value) {
    return switch (this) {
      case INT32 -> (int) value;
      case UINT32 -> value & 0xffff_ffffL;
      case UINT64 -> PixelCast.unsignedToDouble(value);
      default -> value;
    };
  }

  /**
   * {@code static_cast} of {@code value} to this integer type, as its exact value: truncation
   * toward zero in range, the x86-64 conversion's answer out of range ({@link PixelCast}).
   */
  public long cast(double value) {
    if (this == UINT64) {
      return value < TWO_TO_63
          ? (long) PixelCast.stored(DType.INT64, value)
          : (long) PixelCast.stored(DType.INT64, value - TWO_TO_63) ^ Long.MIN_VALUE;
    }
    return (long) PixelCast.stored(dtype, value);
  }

  /** {@code static_cast} of {@code value} to this type, read back as a double. */
  public double castReal(double value) {
    return PixelCast.stored(dtype, value);
  }

  /** {@code NumericTraits<T>::max()} of an integer type, as its value. */
  public long highest() {
    return highest;
  }

  /** {@code NumericTraits<T>::NonpositiveMin()} of an integer type, as its value. */
  public long lowest() {
    return lowest;
  }

  /** {@code NumericTraits<T>::max()} as a double: the largest finite value for floats. */
  public double maxReal() {
    return switch (this) {
      case FLOAT32 -> Float.MAX_VALUE;
      case FLOAT64 -> Double.MAX_VALUE;
      default -> real(highest);
    };
  }

  /** {@code NumericTraits<T>::NonpositiveMin()} as a double: the most negative finite value. */
  public double minReal() {
    return switch (this) {
      case FLOAT32 -> -Float.MAX_VALUE;
      case FLOAT64 -> -Double.MAX_VALUE;
      default -> real(lowest);
    };
  }

  /** {@code a < b} for two values of this integer type. */
  public boolean less(long a, long b) {
    return this == UINT64 ? Long.compareUnsigned(a, b) < 0 : a < b;
  }

  /**
   * {@code a / b} for values of this integer type, {@code b} non-zero. The one overflow, {@code MIN
   * / -1}, gives {@code MIN} (x86-64 traps on it, ending the process running ITK).
   */
  public long divide(long a, long b) {
    return this == UINT64 ? Long.divideUnsigned(a, b) : wrap(a / b);
  }

  /** {@code a % b} for values of this integer type, {@code b} non-zero; C++'s sign rule. */
  public long remainder(long a, long b) {
    return this == UINT64 ? Long.remainderUnsigned(a, b) : a % b;
  }

  /** A one-voxel buffer holding {@code static_cast<T>(value)}: a constant operand. */
  ByteBuffer constant(double value) {
    ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    PixelCast.put(buffer, dtype, 0, value);
    return buffer;
  }

  /** A one-voxel buffer holding an integer constant converted to this integer type. */
  ByteBuffer integerConstant(long value) {
    ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    if (isInteger()) {
      write(buffer, 0, value);
    } else {
      PixelCast.put(buffer, dtype, 0, value);
    }
    return buffer;
  }
}
