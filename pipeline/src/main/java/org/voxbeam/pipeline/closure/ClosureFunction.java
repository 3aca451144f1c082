package org.voxbeam.pipeline.closure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.operator.UnknownOperatorException;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.lang.Expression;

/**
 * The function a closure node evaluates to: one parameter, a parsed body and the environment of
 * captured values and functions. Failures inside the body come back as {@link ErrorValue}s
 * attributed to the closure node, so {@code map} can report which item failed and why.
 */
final class ClosureFunction implements FunctionValue {
  private final NodeId node;
  private final String parameter;
  private final Expression body;
  private final Map<String, Binding> environment;
  private final OperatorRegistry registry;

  ClosureFunction(
      NodeId node,
      String parameter,
      Expression body,
      Map<String, Binding> environment,
      OperatorRegistry registry) {
    this.node = node;
    this.parameter = parameter;
    this.body = body;
    this.environment = Map.copyOf(environment);
    this.registry = registry;
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public Value apply(List<Value> arguments) {
    return apply(arguments, ExternalReads.NONE);
  }

  @Override
  public Value apply(List<Value> arguments, ExternalReads reads) {
    if (arguments.size() != 1) {
      return failure("closure takes 1 argument, got " + arguments.size());
    }
    Map<String, Binding> scope = new HashMap<>(environment);
    scope.put(parameter, new Binding.Bound(arguments.get(0)));
    try {
      return new BodyInterpreter(registry, ItemModel.startingIn(scope, parameter), reads)
          .evaluate(body, scope);
    } catch (OperatorException | UnknownOperatorException e) {
      return failure(e.getMessage());
    }
  }

  private ErrorValue failure(String message) {
    return new ErrorValue(message, node, "closure", java.util.Optional.empty());
  }

  @Override
  public String toString() {
    return "closure(" + parameter + ") " + body.toSyntax();
  }
}
