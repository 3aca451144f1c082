package org.voxbeam.operators.arrays;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntToDoubleFunction;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * A value as the NumPy array VoxLogicA-2's {@code _image_to_array} makes of it: an image's voxels
 * ({@code sitk.GetArrayFromImage}: shape z, y, x, the image's pixel type), an array as it is, or a
 * (nested, rectangular) list of numbers as {@code np.array} reads it ({@code int64} for ints,
 * {@code float64} as soon as one is a float, {@code bool} for booleans only).
 *
 * @param shape NumPy's shape, slowest axis first
 * @param elements element {@code i} in C order, as a double
 */
record NumpyArray(List<Long> shape, DType dtype, int size, IntToDoubleFunction elements) {

  static NumpyArray of(Value value, String operator) {
    if (value instanceof ImageValue image) {
      Voxels voxels = Voxels.of(image);
      List<Long> shape = new ArrayList<>(image.geometry().size());
      java.util.Collections.reverse(shape);
      return new NumpyArray(shape, image.dtype(), voxels.voxelCount(), voxels::get);
    }
    if (value instanceof NdArrayValue array) {
      return ofArray(array, operator);
    }
    if (value instanceof SequenceValue sequence) {
      return ofList(sequence, operator);
    }
    throw new OperatorException(
        operator + " failed: expected an image or an array, got " + PythonNumbers.typeName(value));
  }

  private static NumpyArray ofArray(NdArrayValue array, String operator) {
    ByteBuffer data;
    try {
      data = ByteBuffer.wrap(array.data().readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new OperatorException(operator + " failed: cannot read the array: " + e.getMessage());
    }
    int size = Math.toIntExact(data.capacity() / array.dtype().byteSize());
    DType dtype = array.dtype();
    return new NumpyArray(array.shape(), dtype, size, i -> element(data, dtype, i));
  }

  private static double element(ByteBuffer data, DType dtype, int i) {
    return switch (dtype) {
      case BOOL, UINT8 -> data.get(i) & 0xff;
      case INT8 -> data.get(i);
      case UINT16 -> data.getShort(i * 2) & 0xffff;
      case INT16 -> data.getShort(i * 2);
      case UINT32 -> data.getInt(i * 4) & 0xffffffffL;
      case INT32 -> data.getInt(i * 4);
      case INT64 -> data.getLong(i * 8);
      case UINT64 -> PixelCast.unsignedToDouble(data.getLong(i * 8));
      case FLOAT32 -> data.getFloat(i * 4);
      case FLOAT64 -> data.getDouble(i * 8);
    };
  }

  private static NumpyArray ofList(SequenceValue sequence, String operator) {
    List<Long> shape = new ArrayList<>();
    List<Value> leaves = new ArrayList<>();
    flatten(sequence, 0, shape, leaves, operator);
    DType dtype = DType.BOOL;
    double[] values = new double[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      Value leaf = leaves.get(i);
      if (leaf instanceof BooleanValue b) {
        values[i] = b.value() ? 1 : 0;
      } else if (leaf instanceof IntegerValue n) {
        values[i] = n.value();
        dtype = dtype == DType.FLOAT64 ? dtype : DType.INT64;
      } else if (leaf instanceof NumberValue n) {
        values[i] = n.value();
        dtype = DType.FLOAT64;
      } else {
        throw new OperatorException(
            operator + " failed: an array holds numbers, not " + PythonNumbers.typeName(leaf));
      }
    }
    return new NumpyArray(
        shape, leaves.isEmpty() ? DType.FLOAT64 : dtype, values.length, i -> values[i]);
  }

  private static void flatten(
      Value value, int depth, List<Long> shape, List<Value> leaves, String operator) {
    if (!(value instanceof SequenceValue sequence)) {
      if (depth < shape.size()) {
        throw ragged(operator);
      }
      leaves.add(value);
      return;
    }
    if (depth == shape.size()) {
      if (!leaves.isEmpty()) {
        throw ragged(operator);
      }
      shape.add((long) sequence.size());
    } else if (shape.get(depth) != sequence.size()) {
      throw ragged(operator);
    }
    for (Value item : sequence.items()) {
      flatten(item, depth + 1, shape, leaves, operator);
    }
  }

  private static OperatorException ragged(String operator) {
    return new OperatorException(
        operator + " failed: the nested lists do not form a rectangular array");
  }

  double get(int i) {
    return elements.applyAsDouble(i);
  }

  boolean isFloat() {
    return dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
  }

  /** The shape as Python prints a tuple: {@code (5, 6, 7)}, {@code (3,)}. */
  String shapeText() {
    if (shape.size() == 1) {
      return "(" + shape.get(0) + ",)";
    }
    StringJoiner out = new StringJoiner(", ", "(", ")");
    shape.forEach(extent -> out.add(Long.toString(extent)));
    return out.toString();
  }

  /** The shape as the list of Python ints {@code list(array.shape)} gives. */
  List<Value> shapeValues() {
    return shape.stream().<Value>map(IntegerValue::new).toList();
  }

  /** An element as {@code array.tolist()} gives it: an int, a float or a bool. */
  Value pythonElement(double element) {
    return switch (dtype) {
      case BOOL -> BooleanValue.of(element != 0);
      case FLOAT32, FLOAT64 -> new NumberValue(element);
      default -> new IntegerValue((long) element);
    };
  }
}
