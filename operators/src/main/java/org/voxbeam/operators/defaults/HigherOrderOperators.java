package org.voxbeam.operators.defaults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * The higher-order primitives of VoxLogicA-2's {@code default} namespace: {@code map}, {@code
 * for_loop} and {@code filter} apply a closure per item; {@code fold} reduces with one of a fixed
 * set of combiners, which keeps the language free of general recursion.
 */
public final class HigherOrderOperators implements OperatorLibrary {
  private static final String NAMESPACE = ScalarOperators.NAMESPACE;

  @Override
  public List<Operator> operators() {
    return List.of(
        SimpleOperator.pure(
            NAMESPACE,
            "map",
            Arity.exactly(2),
            "Apply a closure to every item of a sequence",
            args -> mapItems(args, "map")),
        SimpleOperator.pure(
            NAMESPACE,
            "for_loop",
            Arity.exactly(2),
            "Apply a closure to every item of a sequence (for … in … do)",
            args -> mapItems(args, "for_loop")),
        SimpleOperator.pure(
            NAMESPACE,
            "filter",
            Arity.exactly(2),
            "Keep the items for which a predicate closure is true",
            HigherOrderOperators::filter),
        SimpleOperator.pure(
            NAMESPACE,
            "fold",
            Arity.between(1, 2),
            "Reduce a sequence with +, -, *, /, &&, ||, min or max (attribute 'operator')",
            HigherOrderOperators::fold));
  }

  private static Value mapItems(Arguments args, String operator) {
    List<Value> items = SequenceOperators.items(args.get(0), operator);
    FunctionValue function = function(args.get(1), operator);
    List<Value> results = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      results.add(applyToItem(function, items.get(i), i, operator, args.reads()));
    }
    return new SequenceValue(results);
  }

  private static Value filter(Arguments args) {
    List<Value> items = SequenceOperators.items(args.get(0), "filter");
    FunctionValue predicate = function(args.get(1), "filter");
    List<Value> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (PythonNumbers.truthy(applyToItem(predicate, items.get(i), i, "filter", args.reads()))) {
        kept.add(items.get(i));
      }
    }
    return new SequenceValue(kept);
  }

  /** The function on one item; what its body reads counts as read by the node applying it. */
  private static Value applyToItem(
      FunctionValue function, Value item, int index, String operator, ExternalReads reads) {
    Value result = function.apply(List.of(item), reads);
    if (result instanceof ErrorValue error) {
      throw new OperatorException(operator + " failed on item " + index + ": " + error.message());
    }
    return result;
  }

  private static FunctionValue function(Value value, String operator) {
    if (value instanceof FunctionValue function) {
      if (function.arity() != 1) {
        throw new OperatorException(
            operator + " needs a function of one argument, got one of " + function.arity());
      }
      return function;
    }
    throw new OperatorException(
        operator + " expects a closure as its second argument, got " + value.voxType());
  }

  private static Value fold(Arguments args) {
    String combiner =
        args.attrs()
            .getString("operator")
            .orElseThrow(() -> new OperatorException("fold requires the 'operator' attribute"));
    FoldCombiner fold = FoldCombiner.of(combiner);
    List<Value> items = SequenceOperators.items(args.get(args.size() - 1), "fold");
    int first = 0;
    Value accumulator;
    if (args.size() == 2) {
      accumulator = args.get(0);
    } else if (fold.initial() != null) {
      accumulator = fold.initial();
    } else if (items.isEmpty()) {
      throw new OperatorException(
          "fold " + combiner + " requires a non-empty sequence when no init is given");
    } else {
      accumulator = items.get(0);
      first = 1;
    }
    for (int i = first; i < items.size(); i++) {
      accumulator = fold.combine(accumulator, items.get(i));
    }
    return accumulator;
  }

  /** The combiners {@code fold} accepts, with Python's semantics and default seeds. */
  enum FoldCombiner {
    ADD("+", new IntegerValue(0)),
    SUBTRACT("-", new IntegerValue(0)),
    MULTIPLY("*", new IntegerValue(1)),
    DIVIDE("/", null),
    AND("&&", BooleanValue.TRUE),
    OR("||", BooleanValue.FALSE),
    MIN("min", null),
    MAX("max", null);

    private static final Map<String, FoldCombiner> BY_SYMBOL = bySymbol();

    private final String symbol;
    private final Value initial;

    FoldCombiner(String symbol, Value initial) {
      this.symbol = symbol;
      this.initial = initial;
    }

    static FoldCombiner of(String symbol) {
      FoldCombiner combiner = BY_SYMBOL.get(symbol);
      if (combiner == null) {
        throw new OperatorException(
            "Unsupported fold operator '" + symbol + "'; expected one of " + BY_SYMBOL.keySet());
      }
      return combiner;
    }

    /** The seed without an explicit init, or null to start from the first item. */
    Value initial() {
      return initial;
    }

    Value combine(Value left, Value right) {
      return switch (this) {
        case ADD -> ScalarOperators.add(left, right);
        case SUBTRACT ->
            PythonNumbers.binary("-", left, right, Math::subtractExact, (a, b) -> a - b);
        case MULTIPLY ->
            PythonNumbers.binary("*", left, right, Math::multiplyExact, (a, b) -> a * b);
        case DIVIDE -> ScalarOperators.divide(left, right);
        case AND -> BooleanValue.of(PythonNumbers.truthy(left) && PythonNumbers.truthy(right));
        case OR -> BooleanValue.of(PythonNumbers.truthy(left) || PythonNumbers.truthy(right));
        case MIN -> PythonNumbers.compare(right, left) < 0 ? right : left;
        case MAX -> PythonNumbers.compare(right, left) > 0 ? right : left;
        default -> throw new AssertionError(this);
      };
    }

    private static Map<String, FoldCombiner> bySymbol() {
      Map<String, FoldCombiner> map = new LinkedHashMap<>();
      for (FoldCombiner combiner : values()) {
        map.put(combiner.symbol, combiner);
      }
      return Map.copyOf(map);
    }
  }
}
