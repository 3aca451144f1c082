package org.voxbeam.operators.image;

import java.nio.ByteBuffer;
import org.voxbeam.kernel.value.DType;

/**
 * Stores a computed value as a voxel of a given type the way ITK does: {@code static_cast} from
 * {@code double}, compiled for x86-64 — which is what SimpleITK's released binaries do, and so what
 * a VoxLogicA-2 user sees.
 *
 * <p>In range, a conversion to an integer type truncates toward zero. Out of range, C++ leaves the
 * result undefined and the compiler's instructions decide: narrow types (8 and 16 bits) and {@code
 * int32} go through a 32-bit truncating conversion, {@code uint32} and the 64-bit types through a
 * 64-bit one, whose "integer indefinite" answer (the lowest value) appears for NaN and for
 * overflow; narrow types keep the low bits. Java's casts saturate instead, so they are not used
 * directly.
 */
public final class PixelCast {
  private static final double TWO_TO_63 = 0x1p63;
  private static final long INDEFINITE_64 = Long.MIN_VALUE;
  private static final int INDEFINITE_32 = Integer.MIN_VALUE;

  private PixelCast() {}

  /** Writes {@code value} as element {@code index} of a little-endian buffer of {@code type}. */
  public static void put(ByteBuffer out, DType type, int index, double value) {
    switch (type) {
      case BOOL, UINT8, INT8 -> out.put(index, (byte) truncate32(value));
      case UINT16, INT16 -> out.putShort(index * 2, (short) truncate32(value));
      case INT32 -> out.putInt(index * 4, truncate32(value));
      case UINT32 -> out.putInt(index * 4, (int) truncate64(value));
      case INT64 -> out.putLong(index * 8, truncate64(value));
      case UINT64 -> out.putLong(index * 8, toUnsigned64(value));
      case FLOAT32 -> out.putFloat(index * 4, (float) value);
      case FLOAT64 -> out.putDouble(index * 8, value);
    }
  }

  /** The value a voxel of {@code type} holds after storing {@code value}, read back as a double. */
  public static double stored(DType type, double value) {
    return switch (type) {
      case BOOL, UINT8 -> truncate32(value) & 0xff;
      case INT8 -> (byte) truncate32(value);
      case UINT16 -> truncate32(value) & 0xffff;
      case INT16 -> (short) truncate32(value);
      case INT32 -> truncate32(value);
      case UINT32 -> truncate64(value) & 0xffffffffL;
      case INT64 -> truncate64(value);
      case UINT64 -> unsignedToDouble(toUnsigned64(value));
      case FLOAT32 -> (float) value;
      case FLOAT64 -> value;
    };
  }

  /** {@code cvttsd2si} with a 32-bit destination. */
  static int truncate32(double value) {
    if (Double.isNaN(value) || value <= -0x1p31 - 1 || value >= 0x1p31) {
      return INDEFINITE_32;
    }
    return (int) value;
  }

  /** {@code cvttsd2si} with a 64-bit destination. */
  static long truncate64(double value) {
    if (Double.isNaN(value) || value < -TWO_TO_63 || value >= TWO_TO_63) {
      return INDEFINITE_64;
    }
    return (long) value;
  }

  /** The compiler's double to {@code uint64_t} sequence: values from 2^63 are offset first. */
  static long toUnsigned64(double value) {
    if (value < TWO_TO_63) {
      return truncate64(value);
    }
    return truncate64(value - TWO_TO_63) ^ Long.MIN_VALUE;
  }

  /** An unsigned 64-bit value as the nearest double. */
  public static double unsignedToDouble(long bits) {
    if (bits >= 0) {
      return bits;
    }
    return ((bits >>> 1) | (bits & 1)) * 2.0;
  }
}
