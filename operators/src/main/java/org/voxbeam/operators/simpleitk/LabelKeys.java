package org.voxbeam.operators.simpleitk;

import java.nio.ByteBuffer;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.operators.image.Voxels;

/**
 * Labels of an integer image as {@code long} keys that sort as ITK's label type sorts them ({@code
 * uint64} labels are offset so unsigned order is signed order), read exactly from the voxel bytes,
 * and their decimal names.
 */
final class LabelKeys {
  private LabelKeys() {}

  static long of(Voxels voxels, int i) {
    ByteBuffer buffer = voxels.buffer();
    return switch (voxels.dtype()) {
      case BOOL, UINT8 -> buffer.get(i) & 0xff;
      case INT8 -> buffer.get(i);
      case UINT16 -> buffer.getShort(i * 2) & 0xffff;
      case INT16 -> buffer.getShort(i * 2);
      case UINT32 -> buffer.getInt(i * 4) & 0xffffffffL;
      case INT32 -> buffer.getInt(i * 4);
      case INT64 -> buffer.getLong(i * 8);
      case UINT64 -> buffer.getLong(i * 8) ^ Long.MIN_VALUE;
      case FLOAT32, FLOAT64 -> throw new IllegalStateException("labels are integers");
    };
  }

  /** The key of a label value already stored in the pixel type (a whole number in range). */
  static long of(DType dtype, double label) {
    if (dtype != DType.UINT64) {
      return (long) label;
    }
    long bits = label >= 0x1p63 ? (long) (label - 0x1p63) ^ Long.MIN_VALUE : (long) label;
    return bits ^ Long.MIN_VALUE;
  }

  static String name(DType dtype, long key) {
    return dtype == DType.UINT64 ? Long.toUnsignedString(key ^ Long.MIN_VALUE) : Long.toString(key);
  }
}
