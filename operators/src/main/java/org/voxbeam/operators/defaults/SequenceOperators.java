package org.voxbeam.operators.defaults;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * The first-order sequence primitives of VoxLogicA-2's {@code default} namespace: building
 * sequences ({@code range}, array literals through {@code sequence}), reading them ({@code index},
 * {@code argmax}) and cutting them ({@code slice}, {@code subsequence}), with Python's bounds
 * rules.
 */
public final class SequenceOperators implements OperatorLibrary {
  private static final String NAMESPACE = ScalarOperators.NAMESPACE;

  /** Larger ranges belong in a dataset, not in one in-memory sequence. */
  static final long MAX_RANGE_LENGTH = 50_000_000L;

  @Override
  public List<Operator> operators() {
    return List.of(
        SimpleOperator.pure(
            NAMESPACE,
            "range",
            Arity.between(1, 2),
            "Integers from start (default 0) up to, not including, stop",
            SequenceOperators::range),
        SimpleOperator.pure(
            NAMESPACE,
            "sequence",
            Arity.atLeast(0),
            "A sequence of the arguments, in order (array literals)",
            args -> new SequenceValue(args.positional())),
        SimpleOperator.pure(
            NAMESPACE,
            "index",
            Arity.exactly(2),
            "The item at a non-negative position",
            SequenceOperators::index),
        SimpleOperator.pure(
            NAMESPACE,
            "slice",
            Arity.exactly(3),
            "Python slice seq[start:stop]; either bound may be None",
            SequenceOperators::slice),
        SimpleOperator.pure(
            NAMESPACE,
            "subsequence",
            Arity.between(2, 3),
            "Items in [start, stop), or [0, stop) with one bound",
            SequenceOperators::subsequence),
        SimpleOperator.pure(
            NAMESPACE,
            "argmax",
            Arity.exactly(1),
            "Position of the largest item; the first one on ties",
            SequenceOperators::argmax));
  }

  private static Value range(Arguments args) {
    long start = args.size() == 2 ? PythonNumbers.toIndex(args.get(0), "start") : 0;
    long stop = PythonNumbers.toIndex(args.get(args.size() - 1), "stop");
    long length = Math.max(0, stop - start);
    if (length > MAX_RANGE_LENGTH) {
      throw new OperatorException(
          "range of " + length + " items exceeds the limit of " + MAX_RANGE_LENGTH);
    }
    List<Value> items = new ArrayList<>((int) length);
    for (long i = start; i < stop; i++) {
      items.add(new IntegerValue(i));
    }
    return new SequenceValue(items);
  }

  private static Value index(Arguments args) {
    long position = indexArgument(args.get(1));
    if (position < 0) {
      throw new OperatorException("Index argument must be non-negative, got: " + position);
    }
    Value container = args.get(0);
    if (container instanceof SequenceValue sequence) {
      if (position >= sequence.size()) {
        throw new OperatorException(
            "Sequence index out of range: " + position + " (length " + sequence.size() + ")");
      }
      return sequence.items().get((int) position);
    }
    if (container instanceof StringValue string) {
      int[] codePoints = string.value().codePoints().toArray();
      if (position >= codePoints.length) {
        throw new OperatorException("string index out of range: " + position);
      }
      return new StringValue(Character.toString(codePoints[(int) position]));
    }
    throw new OperatorException(
        "index expects a sequence, got " + PythonNumbers.typeName(container));
  }

  /** Indices may also be numeric strings, as in VoxLogicA-2. */
  private static long indexArgument(Value value) {
    if (value instanceof StringValue s) {
      try {
        return Long.parseLong(s.value().strip());
      } catch (NumberFormatException e) {
        throw new OperatorException("idx must be an integer, got string: '" + s.value() + "'");
      }
    }
    return PythonNumbers.toIndex(value, "idx");
  }

  private static Value slice(Arguments args) {
    List<Value> items = items(args.get(0), "slice");
    Long start = optionalBound(args.get(1));
    Long stop = optionalBound(args.get(2));
    int size = items.size();
    int from = start == null ? 0 : clampPythonIndex(start, size);
    int to = stop == null ? size : clampPythonIndex(stop, size);
    return from >= to ? SequenceValue.EMPTY : new SequenceValue(items.subList(from, to));
  }

  private static Long optionalBound(Value value) {
    if (value instanceof NullValue) {
      return null;
    }
    if (value instanceof StringValue s && s.value().isBlank()) {
      return null;
    }
    return indexArgument(value);
  }

  /** Python's slice-bound normalisation: negatives count from the end, then clamp. */
  private static int clampPythonIndex(long bound, int size) {
    long normalized = bound < 0 ? bound + size : bound;
    return (int) Math.max(0, Math.min(size, normalized));
  }

  private static Value subsequence(Arguments args) {
    List<Value> items = items(args.get(0), "subsequence");
    long start = args.size() == 3 ? PythonNumbers.toIndex(args.get(1), "start") : 0;
    long stop = PythonNumbers.toIndex(args.get(args.size() - 1), "stop");
    int from = (int) Math.min(items.size(), Math.max(0, start));
    int to = (int) Math.min(items.size(), Math.max(0, stop));
    return from >= to ? SequenceValue.EMPTY : new SequenceValue(items.subList(from, to));
  }

  private static Value argmax(Arguments args) {
    List<Value> items = items(args.get(0), "argmax");
    if (items.isEmpty()) {
      throw new OperatorException("argmax requires a non-empty sequence");
    }
    int best = 0;
    for (int i = 1; i < items.size(); i++) {
      if (PythonNumbers.compare(items.get(i), items.get(best)) > 0) {
        best = i;
      }
    }
    return new IntegerValue(best);
  }

  static List<Value> items(Value value, String operator) {
    if (value instanceof SequenceValue sequence) {
      return sequence.items();
    }
    throw new OperatorException(
        operator + " expects a sequence, got " + PythonNumbers.typeName(value));
  }
}
