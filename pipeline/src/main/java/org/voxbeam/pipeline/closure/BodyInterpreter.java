package org.voxbeam.pipeline.closure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ops.ImageModel;
import org.voxbeam.operators.python.PythonNumbers;
import org.voxbeam.pipeline.lang.ArrayLiteral;
import org.voxbeam.pipeline.lang.BooleanLiteral;
import org.voxbeam.pipeline.lang.Call;
import org.voxbeam.pipeline.lang.Expression;
import org.voxbeam.pipeline.lang.FilterExpression;
import org.voxbeam.pipeline.lang.FoldExpression;
import org.voxbeam.pipeline.lang.ForExpression;
import org.voxbeam.pipeline.lang.LetExpression;
import org.voxbeam.pipeline.lang.NumberLiteral;
import org.voxbeam.pipeline.lang.SliceExpression;
import org.voxbeam.pipeline.lang.StringLiteral;

/**
 * Evaluates closure bodies per item, with VoxLogicA-2's runtime rules: a name is looked up in the
 * environment first (parameter, captures, let bindings, user functions) and otherwise resolved as
 * an operator (bare names by namespace order); literals are Python values; {@code for}, {@code
 * filter} and {@code fold} inside a body run eagerly over their sequence.
 *
 * <p>The image makers ({@code tt}, {@code x} …) get the {@link ItemModel} of the evaluation.
 *
 * <p>Operator failures surface as {@link OperatorException}s carrying the operator's message.
 */
final class BodyInterpreter {
  private static final String DEFAULT = "default.";

  private final OperatorRegistry registry;
  private final ItemModel model;
  private final ExternalReads reads;

  /**
   * An interpreter for one evaluation of a body (one item), with that evaluation's model for the
   * image makers the body calls, recording what the body's operators read into {@code reads}.
   */
  BodyInterpreter(OperatorRegistry registry, ItemModel model, ExternalReads reads) {
    this.registry = registry;
    this.model = model;
    this.reads = reads;
  }

  Value evaluate(Expression expression, Map<String, Binding> scope) {
    if (expression instanceof NumberLiteral number) {
      return new NumberValue(number.value());
    } else if (expression instanceof BooleanLiteral bool) {
      return BooleanValue.of(bool.value());
    } else if (expression instanceof StringLiteral string) {
      return new StringValue(string.rawValue());
    } else if (expression instanceof ArrayLiteral array) {
      return new SequenceValue(evaluateAll(array.items(), scope));
    } else if (expression instanceof Call call) {
      return call(call, scope);
    } else if (expression instanceof SliceExpression slice) {
      List<Value> operands = new ArrayList<>(3);
      operands.add(evaluate(slice.sequence(), scope));
      operands.add(slice.start().map(e -> evaluate(e, scope)).orElse(NullValue.INSTANCE));
      operands.add(slice.stop().map(e -> evaluate(e, scope)).orElse(NullValue.INSTANCE));
      return apply(DEFAULT + "slice", Arguments.of(operands));
    } else if (expression instanceof LetExpression let) {
      Map<String, Binding> inner = new HashMap<>(scope);
      inner.put(let.variable(), new Binding.Bound(evaluate(let.value(), scope)));
      return evaluate(let.body(), inner);
    } else if (expression instanceof ForExpression loop) {
      List<Value> results = new ArrayList<>();
      for (Value item : sequence(evaluate(loop.iterable(), scope), "for")) {
        results.add(evaluate(loop.body(), bind(scope, loop.variable(), item)));
      }
      return new SequenceValue(results);
    } else if (expression instanceof FilterExpression filter) {
      List<Value> kept = new ArrayList<>();
      for (Value item : sequence(evaluate(filter.iterable(), scope), "filter")) {
        if (PythonNumbers.truthy(
            evaluate(filter.predicate(), bind(scope, filter.variable(), item)))) {
          kept.add(item);
        }
      }
      return new SequenceValue(kept);
    }
    FoldExpression fold = (FoldExpression) expression;
    List<Value> operands = new ArrayList<>(2);
    fold.init().ifPresent(init -> operands.add(evaluate(init, scope)));
    operands.add(evaluate(fold.sequence(), scope));
    JsonObject attrs = new JsonObject(Map.of("operator", JsonValue.of(fold.operator())));
    return apply(DEFAULT + "fold", new Arguments(operands, Map.of(), attrs));
  }

  private Value call(Call call, Map<String, Binding> scope) {
    Binding binding = scope.get(call.identifier());
    if (call.arguments().isEmpty() && binding instanceof Binding.Bound bound) {
      return bound.value();
    }
    List<Value> arguments = evaluateAll(call.arguments(), scope);
    if (binding instanceof UserFunction function) {
      return function.invoke(arguments, this);
    }
    if (binding instanceof Binding.Bound) {
      throw new OperatorException("'" + call.identifier() + "' is a value, not a function");
    }
    return apply(call.identifier(), Arguments.of(arguments));
  }

  private Value apply(String operatorName, Arguments given) {
    Arguments arguments = new Arguments(given.positional(), given.named(), given.attrs(), reads);
    Operator operator = registry.resolve(operatorName, List.of());
    String qualified = operator.name().qualified();
    if (ImageModel.isMaker(qualified)) {
      return operator.apply(model.current().map(m -> m.attachTo(arguments)).orElse(arguments));
    }
    Value result = operator.apply(arguments);
    if (ImageModel.isLoader(qualified)) {
      model.loaded(result);
    }
    return result;
  }

  private List<Value> evaluateAll(List<Expression> expressions, Map<String, Binding> scope) {
    List<Value> values = new ArrayList<>(expressions.size());
    for (Expression expression : expressions) {
      values.add(evaluate(expression, scope));
    }
    return values;
  }

  private static Map<String, Binding> bind(Map<String, Binding> scope, String name, Value value) {
    Map<String, Binding> inner = new HashMap<>(scope);
    inner.put(name, new Binding.Bound(value));
    return inner;
  }

  private static List<Value> sequence(Value value, String construct) {
    if (value instanceof SequenceValue sequence) {
      return sequence.items();
    }
    throw new OperatorException(construct + " expects a sequence, got " + value.voxType());
  }
}
