package org.voxbeam.pipeline.closure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.voxbeam.kernel.node.ClosureSpec;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.lang.Expression;
import org.voxbeam.pipeline.lang.ImgqlParser;

/**
 * Turns closure nodes into functions. The body text VoxLogicA-2 keeps in the plan is parsed once
 * per closure (not once per item), captured values are bound in {@code capture_names} order, and
 * captured user functions are rebuilt with their own captures.
 */
public final class ClosureFactory {
  private final OperatorRegistry registry;

  public ClosureFactory(OperatorRegistry registry) {
    this.registry = registry;
  }

  /**
   * The function {@code node} denotes.
   *
   * @param inputs the values of the node's dependencies, by id
   * @throws org.voxbeam.pipeline.lang.ImgqlSyntaxException if a body is not valid ImgQL
   */
  public FunctionValue create(Node node, Function<NodeId, Value> inputs) {
    ClosureSpec spec = ClosureSpec.from(node.attrs());
    Map<String, Binding> environment = new HashMap<>();
    List<NodeId> captured = node.args();
    for (int i = 0; i < spec.captureNames().size(); i++) {
      environment.put(spec.captureNames().get(i), new Binding.Bound(inputs.apply(captured.get(i))));
    }
    for (Map.Entry<String, ClosureSpec.FunctionSpec> function :
        spec.functionCaptures().entrySet()) {
      environment.put(
          function.getKey(),
          userFunction(function.getKey(), function.getValue(), inputs, node.id()));
    }
    Expression body = parse(spec.body(), node.id());
    return new ClosureFunction(node.id(), spec.parameter(), body, environment, registry);
  }

  private UserFunction userFunction(
      String name, ClosureSpec.FunctionSpec spec, Function<NodeId, Value> inputs, NodeId owner) {
    Map<String, Binding> environment = new HashMap<>();
    for (Map.Entry<String, NodeId> capture : spec.captures().entrySet()) {
      environment.put(capture.getKey(), new Binding.Bound(inputs.apply(capture.getValue())));
    }
    for (Map.Entry<String, ClosureSpec.FunctionSpec> nested : spec.functions().entrySet()) {
      environment.put(
          nested.getKey(), userFunction(nested.getKey(), nested.getValue(), inputs, owner));
    }
    return new UserFunction(name, spec.parameters(), parse(spec.body(), owner), environment);
  }

  private static Expression parse(String body, NodeId owner) {
    return ImgqlParser.parseExpression(body, "closure " + owner.shortForm());
  }
}
