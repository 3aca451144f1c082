package org.voxbeam.operators.simpleitk;

import java.util.Optional;
import org.voxbeam.kernel.value.DType;

/**
 * SimpleITK's pixel ids ({@code sitkUInt8} = 1, …), in the order of its instantiated pixel type
 * list, which gives their values; with the voxel type VoxBeam stores each scalar one as. Complex,
 * vector and label pixels have no VoxBeam voxel type: programs can name them, and a filter asked to
 * produce one says so.
 */
enum PixelId {
  INT8("sitkInt8", "8-bit signed integer", DType.INT8),
  UINT8("sitkUInt8", "8-bit unsigned integer", DType.UINT8),
  INT16("sitkInt16", "16-bit signed integer", DType.INT16),
  UINT16("sitkUInt16", "16-bit unsigned integer", DType.UINT16),
  INT32("sitkInt32", "32-bit signed integer", DType.INT32),
  UINT32("sitkUInt32", "32-bit unsigned integer", DType.UINT32),
  INT64("sitkInt64", "64-bit signed integer", DType.INT64),
  UINT64("sitkUInt64", "64-bit unsigned integer", DType.UINT64),
  FLOAT32("sitkFloat32", "32-bit float", DType.FLOAT32),
  FLOAT64("sitkFloat64", "64-bit float", DType.FLOAT64),
  COMPLEX_FLOAT32("sitkComplexFloat32", "complex of 32-bit float", null),
  COMPLEX_FLOAT64("sitkComplexFloat64", "complex of 64-bit float", null),
  VECTOR_INT8("sitkVectorInt8", "vector of 8-bit signed integer", null),
  VECTOR_UINT8("sitkVectorUInt8", "vector of 8-bit unsigned integer", null),
  VECTOR_INT16("sitkVectorInt16", "vector of 16-bit signed integer", null),
  VECTOR_UINT16("sitkVectorUInt16", "vector of 16-bit unsigned integer", null),
  VECTOR_INT32("sitkVectorInt32", "vector of 32-bit signed integer", null),
  VECTOR_UINT32("sitkVectorUInt32", "vector of 32-bit unsigned integer", null),
  VECTOR_INT64("sitkVectorInt64", "vector of 64-bit signed integer", null),
  VECTOR_UINT64("sitkVectorUInt64", "vector of 64-bit unsigned integer", null),
  VECTOR_FLOAT32("sitkVectorFloat32", "vector of 32-bit float", null),
  VECTOR_FLOAT64("sitkVectorFloat64", "vector of 64-bit float", null),
  LABEL_UINT8("sitkLabelUInt8", "label of 8-bit unsigned integer", null),
  LABEL_UINT16("sitkLabelUInt16", "label of 16-bit unsigned integer", null),
  LABEL_UINT32("sitkLabelUInt32", "label of 32-bit unsigned integer", null),
  LABEL_UINT64("sitkLabelUInt64", "label of 64-bit unsigned integer", null);

  /** {@code sitkUnknown}: "keep the input's pixel type" where a parameter allows it. */
  static final int UNKNOWN = -1;

  private final String constant;
  private final String description;
  private final DType dtype;

  PixelId(String constant, String description, DType dtype) {
    this.constant = constant;
    this.description = description;
    this.dtype = dtype;
  }

  /** The value of SimpleITK's enumerator. */
  int value() {
    return ordinal();
  }

  /** The enumerator's name, {@code sitkUInt8}. */
  String constant() {
    return constant;
  }

  /** What {@code GetPixelIDValueAsString} says of it, {@code 8-bit unsigned integer}. */
  String description() {
    return description;
  }

  /** The voxel type of a scalar pixel id. */
  Optional<DType> dtype() {
    return Optional.ofNullable(dtype);
  }

  static Optional<PixelId> ofValue(long value) {
    return value >= 0 && value < values().length
        ? Optional.of(values()[(int) value])
        : Optional.empty();
  }

  static Optional<PixelId> ofConstant(String constant) {
    for (PixelId id : values()) {
      if (id.constant.equals(constant)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /** The pixel id of an image's voxels; booleans are stored as SimpleITK stores masks. */
  static PixelId of(DType dtype) {
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
}
