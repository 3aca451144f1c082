package org.voxbeam.kernel.value;

/** Element types of arrays and images, named as NumPy names them. */
public enum DType {
  BOOL("bool", 1),
  UINT8("uint8", 1),
  INT8("int8", 1),
  UINT16("uint16", 2),
  INT16("int16", 2),
  UINT32("uint32", 4),
  INT32("int32", 4),
  INT64("int64", 8),
  UINT64("uint64", 8),
  FLOAT32("float32", 4),
  FLOAT64("float64", 8);

  private final String numpyName;
  private final int byteSize;

  DType(String numpyName, int byteSize) {
    this.numpyName = numpyName;
    this.byteSize = byteSize;
  }

  public String numpyName() {
    return numpyName;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }
}
