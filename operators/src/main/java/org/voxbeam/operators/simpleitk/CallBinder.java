package org.voxbeam.operators.simpleitk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.simpleitk.ParameterType.Kind;

/**
 * Binds a call's arguments to a procedure's overloads as SimpleITK's Python wrapper dispatches
 * them: the first overload whose parameter count and types fit the arguments wins; positional
 * arguments fill parameters in order and defaults the rest; named arguments fill parameters by
 * name.
 *
 * <p>Where SimpleITK's wrapper refuses a value that has an obvious meaning, VoxBeam takes it,
 * because ImgQL cannot spell the wrapper's types: numbers are floats in ImgQL, so a whole float
 * stands for an integer parameter (range-checked); a single number stands for a per-dimension
 * vector the filter also sets from a scalar; {@code "sitkBall"} stands for the enumerator.
 */
final class CallBinder {
  private final SimpleItkProcedures procedures;

  CallBinder(SimpleItkProcedures procedures) {
    this.procedures = procedures;
  }

  Call bind(Procedure procedure, Arguments arguments) {
    List<Value> positional = arguments.positional();
    for (Overload overload : procedure.overloads()) {
      if (fits(overload, positional, arguments.named())) {
        return convert(procedure, overload, positional, arguments);
      }
    }
    throw new OperatorException(
        procedure.name()
            + ": no signature takes ("
            + positional.stream().map(Value::voxType).collect(Collectors.joining(", "))
            + "); SimpleITK's: "
            + procedure.overloads().stream()
                .map(overload -> overload.signature(procedure.name()))
                .collect(Collectors.joining("; ")));
  }

  private static boolean fits(Overload overload, List<Value> positional, Map<String, Value> named) {
    List<Parameter> parameters = overload.parameters();
    if (positional.size() > parameters.size()) {
      return false;
    }
    for (int i = 0; i < positional.size(); i++) {
      if (!compatible(parameters.get(i), positional.get(i))) {
        return false;
      }
    }
    for (int i = positional.size(); i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      Value given = named.get(parameter.name());
      if (given == null ? parameter.required() : !compatible(parameter, given)) {
        return false;
      }
    }
    for (String name : named.keySet()) {
      if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a value can be passed for a parameter at all; conversion checks its range. */
  private static boolean compatible(Parameter parameter, Value value) {
    ParameterType type = parameter.type();
    if (type.depth() == 0) {
      return compatibleScalar(type.kind(), value);
    }
    if (value instanceof SequenceValue sequence) {
      ParameterType element = new ParameterType(type.kind(), type.depth() - 1);
      Parameter inner =
          new Parameter(parameter.name(), element, Optional.empty(), false, false, List.of());
      return sequence.items().stream().allMatch(item -> compatible(inner, item));
    }
    if (value instanceof NdArrayValue array) {
      return type.depth() == 1 && array.shape().size() == 1 && type.kind() != Kind.IMAGE;
    }
    return parameter.scalarAccepted() && type.depth() == 1 && compatibleScalar(type.kind(), value);
  }

  private static boolean compatibleScalar(Kind kind, Value value) {
    return switch (kind) {
      case IMAGE -> value instanceof ImageValue;
      case DOUBLE, FLOAT, INT32, UINT8, UINT32, INT64, UINT64, BOOL -> isNumber(value);
      case STRING -> value instanceof StringValue;
      case KERNEL, PIXEL_ID, INTERPOLATOR, ENUM -> isNumber(value) || value instanceof StringValue;
      case NDARRAY -> value instanceof NdArrayValue;
      case TRANSFORM -> value instanceof StringValue;
      case MAP -> false;
    };
  }

  private static boolean isNumber(Value value) {
    return value instanceof NumberValue
        || value instanceof IntegerValue
        || value instanceof BooleanValue;
  }

  private Call convert(
      Procedure procedure, Overload overload, List<Value> positional, Arguments arguments) {
    Map<String, Value> named = arguments.named();
    Map<String, Object> values = new HashMap<>();
    List<Parameter> parameters = overload.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      Value given = i < positional.size() ? positional.get(i) : named.get(parameter.name());
      Argument argument = new Argument(procedure, parameter, i + 1);
      values.put(
          parameter.name(),
          given != null
              ? argument.fromValue(given)
              : argument.fromDefault(parameter.defaultValue().orElseThrow()));
    }
    return new Call(procedure, overload, values, arguments.reads());
  }

  /** Converts one argument (or default) to its parameter's Java form. */
  private final class Argument {
    private final Procedure procedure;
    private final Parameter parameter;
    private final int position;

    Argument(Procedure procedure, Parameter parameter, int position) {
      this.procedure = procedure;
      this.parameter = parameter;
      this.position = position;
    }

    Object fromValue(Value value) {
      ParameterType type = parameter.type();
      if (type.depth() == 0) {
        return scalar(type.kind(), value);
      }
      List<Value> items = items(value);
      if (type.depth() == 1) {
        return vector(type.kind(), items);
      }
      List<Object> nested = new ArrayList<>();
      for (Value item : items) {
        nested.add(vector(type.kind(), items(item)));
      }
      return List.copyOf(nested);
    }

    Object fromDefault(JsonValue value) {
      return fromValue(toValue(value));
    }

    private List<Value> items(Value value) {
      if (value instanceof SequenceValue sequence) {
        return sequence.items();
      }
      if (value instanceof NdArrayValue array) {
        return arrayItems(array);
      }
      return List.of(value);
    }

    private Object vector(Kind kind, List<Value> items) {
      int n = items.size();
      return switch (kind) {
        case IMAGE -> items.stream().map(item -> (ImageValue) scalar(kind, item)).toList();
        case DOUBLE, FLOAT -> {
          double[] out = new double[n];
          for (int i = 0; i < n; i++) {
            out[i] = (Double) scalar(kind, items.get(i));
          }
          yield out;
        }
        case BOOL -> {
          boolean[] out = new boolean[n];
          for (int i = 0; i < n; i++) {
            out[i] = (Boolean) scalar(kind, items.get(i));
          }
          yield out;
        }
        default -> {
          long[] out = new long[n];
          for (int i = 0; i < n; i++) {
            out[i] = (Long) scalar(kind, items.get(i));
          }
          yield out;
        }
      };
    }

    private Object scalar(Kind kind, Value value) {
      return switch (kind) {
        case IMAGE -> {
          if (!(value instanceof ImageValue image)) {
            throw mismatch("an image", value);
          }
          yield image;
        }
        case DOUBLE -> number(value);
        case FLOAT -> (double) (float) number(value);
        case BOOL -> bool(value);
        case INT32, UINT8, UINT32, INT64, UINT64 -> integer(kind, value);
        case STRING -> {
          if (!(value instanceof StringValue text)) {
            throw mismatch("a string", value);
          }
          yield text.value();
        }
        case KERNEL -> enumerator(value, procedures.kernels());
        case INTERPOLATOR -> enumerator(value, procedures.interpolators());
        case PIXEL_ID -> pixelId(value);
        case ENUM -> enumerated(value);
        case NDARRAY -> {
          if (!(value instanceof NdArrayValue array)) {
            throw mismatch("an array", value);
          }
          yield array;
        }
        case TRANSFORM -> {
          if (!(value instanceof StringValue text && text.value().equals("identity"))) {
            throw failure("transforms other than the identity are not supported");
          }
          yield "identity";
        }
        case MAP -> throw failure("a map of values is not supported as an argument");
      };
    }

    private double number(Value value) {
      if (value instanceof NumberValue n) {
        return n.value();
      }
      if (value instanceof IntegerValue n) {
        return n.value();
      }
      if (value instanceof BooleanValue b) {
        return b.value() ? 1.0 : 0.0;
      }
      throw mismatch("a number", value);
    }

    private boolean bool(Value value) {
      if (value instanceof BooleanValue b) {
        return b.value();
      }
      double number = number(value);
      if (number != 0.0 && number != 1.0) {
        throw failure(describe() + " must be true or false, got " + number);
      }
      return number == 1.0;
    }

    private long integer(Kind kind, Value value) {
      if (value instanceof IntegerValue n) {
        return checkedRange(kind, n.value());
      }
      double number = number(value);
      if (number != Math.rint(number) || Double.isInfinite(number)) {
        throw failure(describe() + " must be a whole number, got " + number);
      }
      double[] range = kind.range();
      if (number < range[0] || number > range[1]) {
        throw outOfRange(kind, number);
      }
      return kind == Kind.UINT64 && number >= 0x1p63
          ? (long) (number - 0x1p63) ^ Long.MIN_VALUE
          : (long) number;
    }

    private long checkedRange(Kind kind, long value) {
      double[] range = kind.range();
      if (value < range[0] || value > range[1]) {
        throw outOfRange(kind, value);
      }
      return value;
    }

    private OperatorException outOfRange(Kind kind, double value) {
      double[] range = kind.range();
      return failure(
          describe()
              + " must lie in "
              + (long) range[0]
              + ".."
              + (long) range[1]
              + ", got "
              + value);
    }

    private long enumerator(Value value, Map<String, Integer> names) {
      if (value instanceof StringValue text) {
        Integer known = names.get(text.value());
        if (known == null) {
          known = names.get("sitk" + text.value());
        }
        if (known == null) {
          throw failure(
              describe() + ": unknown value '" + text.value() + "'; known: " + names.keySet());
        }
        return known;
      }
      long number = integer(Kind.INT32, value);
      if (!names.containsValue((int) number)) {
        throw failure(describe() + ": no enumerator has the value " + number);
      }
      return number;
    }

    private long pixelId(Value value) {
      if (value instanceof StringValue text) {
        if (text.value().equals("sitkUnknown")) {
          return PixelId.UNKNOWN;
        }
        return PixelId.ofConstant(text.value())
            .orElseThrow(() -> failure(describe() + ": unknown pixel type '" + text.value() + "'"))
            .value();
      }
      long number = integer(Kind.INT32, value);
      if (number != PixelId.UNKNOWN && PixelId.ofValue(number).isEmpty()) {
        throw failure(describe() + ": no pixel type has the id " + number);
      }
      return number;
    }

    private long enumerated(Value value) {
      List<String> names = parameter.enumValues();
      if (value instanceof StringValue text) {
        int index = names.indexOf(text.value());
        if (index < 0) {
          throw failure(describe() + ": unknown value '" + text.value() + "'; known: " + names);
        }
        return index;
      }
      long number = integer(Kind.INT32, value);
      if (number < 0 || number >= names.size()) {
        throw failure(describe() + ": must lie in 0.." + (names.size() - 1) + ", got " + number);
      }
      return number;
    }

    private OperatorException mismatch(String expected, Value value) {
      return failure(describe() + " must be " + expected + ", got a " + value.voxType());
    }

    private OperatorException failure(String message) {
      return new OperatorException(procedure.name() + ": " + message);
    }

    private String describe() {
      return "argument " + position + " (" + parameter.name() + ")";
    }
  }

  /** A default from the procedure description as the value a program would have passed. */
  private static Value toValue(JsonValue value) {
    if (value instanceof JsonFloat f) {
      return new NumberValue(f.value());
    }
    if (value instanceof JsonInteger i) {
      return new IntegerValue(i.value().longValue());
    }
    if (value instanceof JsonBoolean b) {
      return BooleanValue.of(b.value());
    }
    if (value instanceof JsonString s) {
      return new StringValue(s.value());
    }
    if (value instanceof JsonArray a) {
      return new SequenceValue(a.items().stream().map(CallBinder::toValue).toList());
    }
    throw new OperatorException("a map of values is not supported as an argument");
  }

  /** The entries of a one-dimensional array as the numbers a sequence would hold. */
  private static List<Value> arrayItems(NdArrayValue array) {
    ByteBuffer data;
    try {
      data = ByteBuffer.wrap(array.data().readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new OperatorException("cannot read array data: " + e.getMessage());
    }
    DType dtype = array.dtype();
    int n = data.capacity() / dtype.byteSize();
    List<Value> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(
          switch (dtype) {
            case FLOAT32 -> new NumberValue(data.getFloat(i * 4));
            case FLOAT64 -> new NumberValue(data.getDouble(i * 8));
            case BOOL -> BooleanValue.of(data.get(i) != 0);
            case UINT8 -> new IntegerValue(data.get(i) & 0xff);
            case INT8 -> new IntegerValue(data.get(i));
            case UINT16 -> new IntegerValue(data.getShort(i * 2) & 0xffff);
            case INT16 -> new IntegerValue(data.getShort(i * 2));
            case UINT32 -> new IntegerValue(data.getInt(i * 4) & 0xffffffffL);
            case INT32 -> new IntegerValue(data.getInt(i * 4));
            case INT64, UINT64 -> new IntegerValue(data.getLong(i * 8));
          });
    }
    return items;
  }
}
