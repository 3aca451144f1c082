package org.voxbeam.operators.python;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * Python's numeric semantics over values, which VoxLogicA-2's kernels inherit and programs can
 * observe: {@code int} and {@code float} stay apart ({@code 2 * 3} is {@code 6}, {@code 2 * 3.0} is
 * {@code 6.0}), {@code bool} counts as an {@code int}, truthiness follows Python, and binary
 * operators broadcast over sequences element by element.
 */
public final class PythonNumbers {
  private PythonNumbers() {}

  /** Python's type name of a value, for messages that match Python's. */
  public static String typeName(Value value) {
    if (value instanceof NullValue) {
      return "NoneType";
    } else if (value instanceof BooleanValue) {
      return "bool";
    } else if (value instanceof IntegerValue) {
      return "int";
    } else if (value instanceof NumberValue) {
      return "float";
    } else if (value instanceof StringValue) {
      return "str";
    } else if (value instanceof SequenceValue) {
      return "list";
    }
    return value.voxType();
  }

  /** Python's {@code bool(value)}. */
  public static boolean truthy(Value value) {
    if (value instanceof BooleanValue b) {
      return b.value();
    } else if (value instanceof IntegerValue i) {
      return i.value() != 0;
    } else if (value instanceof NumberValue n) {
      return n.value() != 0.0;
    } else if (value instanceof StringValue s) {
      return !s.value().isEmpty();
    } else if (value instanceof SequenceValue s) {
      return !s.items().isEmpty();
    } else if (value instanceof NullValue) {
      return false;
    }
    return true;
  }

  /** Whether Python treats the value as an {@code int} ({@code bool} included). */
  public static boolean isInteger(Value value) {
    return value instanceof IntegerValue || value instanceof BooleanValue;
  }

  public static boolean isNumeric(Value value) {
    return isInteger(value) || value instanceof NumberValue;
  }

  /** The value of an {@code int} or {@code bool}. */
  public static long asLong(Value value) {
    if (value instanceof IntegerValue i) {
      return i.value();
    }
    if (value instanceof BooleanValue b) {
      return b.value() ? 1 : 0;
    }
    throw new OperatorException("expected an integer, got " + typeName(value));
  }

  /** Python's {@code float(value)} for numbers, booleans and numeric strings. */
  public static double toDouble(Value value) {
    if (value instanceof NumberValue n) {
      return n.value();
    }
    if (isInteger(value)) {
      return asLong(value);
    }
    if (value instanceof StringValue s) {
      return parseFloat(s.value());
    }
    throw new OperatorException(
        "float() argument must be a string or a real number, not '" + typeName(value) + "'");
  }

  private static double parseFloat(String text) {
    String trimmed = text.strip().replace("_", "");
    String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      default -> {}
    }
    if (!trimmed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw new OperatorException("could not convert string to float: '" + text + "'");
    }
    return Double.parseDouble(trimmed);
  }

  /**
   * An integer-valued argument as Python's {@code int}: integers as they are, floats only when
   * integral ({@code 3.0}), never booleans. {@code what} names the argument in messages.
   */
  public static long toIndex(Value value, String what) {
    if (value instanceof BooleanValue) {
      throw new OperatorException(what + " must be an integer, got bool");
    }
    if (value instanceof IntegerValue i) {
      return i.value();
    }
    if (value instanceof NumberValue n) {
      double d = n.value();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63) {
        return (long) d;
      }
      throw new OperatorException(
          what + " must be an integer, got float: " + org.voxbeam.kernel.json.PythonFloats.repr(d));
    }
    throw new OperatorException(what + " must be an integer, got: " + typeName(value));
  }

  /**
   * Applies a numeric binary operator the way VoxLogicA-2's {@code apply_binary_op} does: if either
   * side is a sequence, both are aligned (a scalar repeats) and the operator applies per element;
   * otherwise {@code onIntegers} runs when both sides are Python ints and {@code onFloats}
   * otherwise.
   *
   * @param symbol the operator as Python writes it, for messages ({@code +})
   * @param onIntegers exact integer arithmetic, or null when the result is always a float
   */
  public static Value binary(
      String symbol,
      Value left,
      Value right,
      LongBinaryOperator onIntegers,
      DoubleBinaryOperator onFloats) {
    if (left instanceof SequenceValue || right instanceof SequenceValue) {
      return broadcast(left, right, (l, r) -> binary(symbol, l, r, onIntegers, onFloats), symbol);
    }
    if (!isNumeric(left) || !isNumeric(right)) {
      throw new OperatorException(
          "unsupported operand type(s) for "
              + symbol
              + ": '"
              + typeName(left)
              + "' and '"
              + typeName(right)
              + "'");
    }
    if (onIntegers != null && isInteger(left) && isInteger(right)) {
      try {
        return new IntegerValue(onIntegers.applyAsLong(asLong(left), asLong(right)));
      } catch (ArithmeticException overflow) {
        throw new OperatorException(
            "integer overflow in " + asLong(left) + " " + symbol + " " + asLong(right));
      }
    }
    return new NumberValue(onFloats.applyAsDouble(toDouble(left), toDouble(right)));
  }

  /** A binary function on two scalars, lifted over sequences. */
  public interface ScalarFunction {
    Value apply(Value left, Value right);
  }

  /**
   * Pairs two operands element by element when at least one is a sequence: a non-sequence side (or
   * an empty sequence, as in VoxLogicA-2) repeats to the other's length.
   */
  public static Value broadcast(Value left, Value right, ScalarFunction function, String what) {
    List<Value> lefts = itemsOrEmpty(left);
    List<Value> rights = itemsOrEmpty(right);
    if (lefts.isEmpty() && rights.isEmpty()) {
      return function.apply(left, right);
    }
    if (lefts.isEmpty()) {
      lefts = java.util.Collections.nCopies(rights.size(), left);
    }
    if (rights.isEmpty()) {
      rights = java.util.Collections.nCopies(lefts.size(), right);
    }
    if (lefts.size() != rights.size()) {
      throw new OperatorException(
          what
              + " requires sequences of the same length, got "
              + lefts.size()
              + " and "
              + rights.size());
    }
    List<Value> out = new ArrayList<>(lefts.size());
    for (int i = 0; i < lefts.size(); i++) {
      out.add(function.apply(lefts.get(i), rights.get(i)));
    }
    return new SequenceValue(out);
  }

  private static List<Value> itemsOrEmpty(Value value) {
    return value instanceof SequenceValue s ? s.items() : List.of();
  }

  /**
   * Python's ordering of two values ({@code <}): numbers by value across int and float, strings by
   * code point, booleans as integers.
   */
  public static int compare(Value left, Value right) {
    if (isInteger(left) && isInteger(right)) {
      return Long.compare(asLong(left), asLong(right));
    }
    if (isNumeric(left) && isNumeric(right)) {
      return compareNumbers(left, right);
    }
    if (left instanceof StringValue l && right instanceof StringValue r) {
      return l.value().compareTo(r.value());
    }
    throw new OperatorException(
        "'<' not supported between instances of '"
            + typeName(left)
            + "' and '"
            + typeName(right)
            + "'");
  }

  private static int compareNumbers(Value left, Value right) {
    double l = toDouble(left);
    double r = toDouble(right);
    if (Double.isNaN(l) || Double.isNaN(r)) {
      return 0;
    }
    if (l != r) {
      return l < r ? -1 : 1;
    }
    if (isInteger(left) && right instanceof NumberValue) {
      return -new java.math.BigDecimal(r).compareTo(java.math.BigDecimal.valueOf(asLong(left)));
    }
    if (left instanceof NumberValue && isInteger(right)) {
      return new java.math.BigDecimal(l).compareTo(java.math.BigDecimal.valueOf(asLong(right)));
    }
    return 0;
  }
}
