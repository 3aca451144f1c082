package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.operator.UnknownOperatorException;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ops.ImageModel;
import org.voxbeam.pipeline.closure.ClosureFactory;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;

/**
 * Computes one node from the values of its inputs; shared by every executor (the in-process
 * scheduler and Beam workers), so a node means the same thing wherever it runs.
 *
 * <p>Never throws for a bad node: a failing operator, a failed input or a malformed closure body
 * becomes an {@link ErrorValue} attributed to the node, with the failed input as its cause. A bad
 * stored input is another matter: if an input's stored blob failed verification while the node read
 * it, {@link CorruptInputException} is thrown instead of returning what was computed from it, so
 * that it is never stored.
 */
public final class NodeEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(NodeEvaluator.class);

  private final OperatorRegistry registry;
  private final ClosureFactory closures;

  public NodeEvaluator(OperatorRegistry registry) {
    this.registry = registry;
    this.closures = new ClosureFactory(registry);
  }

  public OperatorRegistry registry() {
    return registry;
  }

  /**
   * Whether results of {@code node} are worth storing: constants are in the plan already and
   * closures evaluate to functions, which are rebuilt rather than stored.
   */
  public static boolean isStored(Node node) {
    return node.kind() == NodeKind.PRIMITIVE;
  }

  /** The operator a primitive node applies, or the reason there is none. */
  public Operator operatorOf(Node node) {
    return registry.require(node.operator());
  }

  /**
   * Whether a stored result of {@code node} may be reused. A node whose operator the registry lacks
   * (a plan written by another engine, say) is treated as impure: it is never read from the store,
   * so it runs and fails at that node, and the goals that do not need it complete.
   */
  public Purity purityOf(Node node) {
    return registry.find(node.operator()).map(Operator::purity).orElse(Purity.IMPURE);
  }

  /**
   * Evaluates {@code node}.
   *
   * @param inputs the value of each dependency, by id
   */
  public Value evaluate(Node node, Function<NodeId, Value> inputs) {
    return evaluate(node, inputs, ExternalReads.NONE);
  }

  /**
   * Evaluates {@code node}, its operator declaring what it reads outside the store into {@code
   * reads}.
   *
   * @param inputs the value of each dependency, by id
   */
  public Value evaluate(Node node, Function<NodeId, Value> inputs, ExternalReads reads) {
    Value value = evaluateUnchecked(node, inputs, reads);
    CorruptInputException.check(node, inputs);
    return value;
  }

  private Value evaluateUnchecked(Node node, Function<NodeId, Value> inputs, ExternalReads reads) {
    Optional<ErrorValue> failedInput = firstFailedInput(node, inputs);
    if (failedInput.isPresent()) {
      return new ErrorValue(
          "input " + failedInput.get().node().shortForm() + " failed",
          node.id(),
          node.operator(),
          failedInput);
    }
    try {
      return switch (node.kind()) {
        case CONSTANT -> ConstantDecoder.decode(node.attrs().get("value").orElseThrow());
        case CLOSURE -> closures.create(node, inputs);
        default -> operatorOf(node).apply(withModel(node, arguments(node, inputs, reads), inputs));
      };
    } catch (OperatorException | UnknownOperatorException | ImgqlSyntaxException e) {
      return failure(node, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("operator {} failed unexpectedly on node {}", node.operator(), node.id(), e);
      return failure(node, "internal error: " + e);
    }
  }

  private static ErrorValue failure(Node node, String message) {
    return new ErrorValue(message, node.id(), node.operator(), Optional.empty());
  }

  private static Optional<ErrorValue> firstFailedInput(Node node, Function<NodeId, Value> inputs) {
    for (NodeId dependency : node.dependencies()) {
      if (inputs.apply(dependency) instanceof ErrorValue error) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }

  /** A maker's arguments plus the program's model, the first image its loads produced. */
  private static Arguments withModel(
      Node node, Arguments arguments, Function<NodeId, Value> inputs) {
    if (!(node instanceof ModelBoundNode bound)) {
      return arguments;
    }
    List<Value> loaded = new ArrayList<>(bound.modelSources().size());
    for (NodeId source : bound.modelSources()) {
      loaded.add(inputs.apply(source));
    }
    return ImageModel.of(loaded).map(model -> model.attachTo(arguments)).orElse(arguments);
  }

  private static Arguments arguments(
      Node node, Function<NodeId, Value> inputs, ExternalReads reads) {
    List<Value> positional = new ArrayList<>(node.args().size());
    for (NodeId arg : node.args()) {
      positional.add(inputs.apply(arg));
    }
    Map<String, Value> named = new HashMap<>();
    for (Kwarg kwarg : node.kwargs()) {
      named.put(kwarg.name(), inputs.apply(kwarg.value()));
    }
    return new Arguments(positional, named, node.attrs(), reads);
  }
}
