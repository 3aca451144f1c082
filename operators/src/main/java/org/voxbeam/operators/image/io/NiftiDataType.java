package org.voxbeam.operators.image.io;

import java.util.Optional;
import org.voxbeam.kernel.value.DType;

/**
 * The NIfTI-1 {@code datatype} codes VoxBeam reads and writes, with the voxel type each maps to.
 * Codes outside this table (complex, RGB, 128-bit) are refused by name rather than misread.
 */
enum NiftiDataType {
  UINT8(2, 8, DType.UINT8),
  INT16(4, 16, DType.INT16),
  INT32(8, 32, DType.INT32),
  FLOAT32(16, 32, DType.FLOAT32),
  FLOAT64(64, 64, DType.FLOAT64),
  INT8(256, 8, DType.INT8),
  UINT16(512, 16, DType.UINT16),
  UINT32(768, 32, DType.UINT32),
  INT64(1024, 64, DType.INT64),
  UINT64(1280, 64, DType.UINT64);

  private final short code;
  private final short bitpix;
  private final DType dtype;

  NiftiDataType(int code, int bitpix, DType dtype) {
    this.code = (short) code;
    this.bitpix = (short) bitpix;
    this.dtype = dtype;
  }

  public short code() {
    return code;
  }

  public short bitpix() {
    return bitpix;
  }

  public DType dtype() {
    return dtype;
  }

  public static Optional<NiftiDataType> ofCode(int code) {
    for (NiftiDataType type : values()) {
      if (type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The code that stores {@code dtype}; booleans are stored as {@code uint8} 0/1. */
  public static NiftiDataType of(DType dtype) {
    if (dtype == DType.BOOL) {
      return UINT8;
    }
    for (NiftiDataType type : values()) {
      if (type.dtype == dtype) {
        return type;
      }
    }
    throw new IllegalArgumentException("no NIfTI datatype for " + dtype);
  }
}
