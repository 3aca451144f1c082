package org.voxbeam.operators.arrays;

import org.voxbeam.kernel.value.DType;

/**
 * NumPy's type promotion between two arrays and its integer arithmetic, which wraps around in the
 * result type ({@code uint8} 3 - 5 is 254). Integers are exact up to 2^53, as voxels are.
 */
final class NumpyTypes {
  private NumpyTypes() {}

  /** {@code np.result_type(a, b)} for two arrays. */
  static DType promote(DType a, DType b) {
    if (a == b) {
      return a;
    }
    if (a == DType.BOOL) {
      return b;
    }
    if (b == DType.BOOL) {
      return a;
    }
    if (isFloat(a) || isFloat(b)) {
      DType integer = isFloat(a) ? b : a;
      DType floating = isFloat(a) ? a : b;
      if (floating == DType.FLOAT64 || isFloat(integer)) {
        return DType.FLOAT64;
      }
      return bits(integer) <= 16 ? DType.FLOAT32 : DType.FLOAT64;
    }
    boolean signedA = isSigned(a);
    if (signedA == isSigned(b)) {
      return bits(a) >= bits(b) ? a : b;
    }
    DType signed = signedA ? a : b;
    DType unsigned = signedA ? b : a;
    if (bits(signed) > bits(unsigned)) {
      return signed;
    }
    return switch (bits(unsigned)) {
      case 8 -> DType.INT16;
      case 16 -> DType.INT32;
      case 32 -> DType.INT64;
      default -> DType.FLOAT64;
    };
  }

  /** {@code right - left} computed in {@code type}, as NumPy computes it. */
  static double subtract(DType type, double right, double left) {
    return switch (type) {
      case FLOAT32 -> (float) right - (float) left;
      case FLOAT64 -> right - left;
      default -> wrap(type, (long) right - (long) left);
    };
  }

  /** {@code np.abs} in {@code type}: the lowest signed value stays itself, unsigned ones too. */
  static double abs(DType type, double value) {
    return switch (type) {
      case FLOAT32, FLOAT64 -> Math.abs(value);
      case BOOL, UINT8, UINT16, UINT32, UINT64 -> value;
      default -> wrap(type, Math.abs((long) value));
    };
  }

  /** An integer reduced to the range of {@code type}, keeping its low bits. */
  private static double wrap(DType type, long value) {
    return switch (type) {
      case BOOL -> value != 0 ? 1 : 0;
      case UINT8 -> value & 0xff;
      case INT8 -> (byte) value;
      case UINT16 -> value & 0xffff;
      case INT16 -> (short) value;
      case UINT32 -> value & 0xffffffffL;
      case INT32 -> (int) value;
      case UINT64 -> value >= 0 ? value : value + 0x1p64;
      default -> value;
    };
  }

  static boolean isFloat(DType type) {
    return type == DType.FLOAT32 || type == DType.FLOAT64;
  }

  private static boolean isSigned(DType type) {
    return switch (type) {
      case INT8, INT16, INT32, INT64 -> true;
      default -> false;
    };
  }

  private static int bits(DType type) {
    return type.byteSize() * 8;
  }
}
