package org.voxbeam.pipeline.execution;

import java.util.function.Function;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.Value;

/**
 * A node was computed from an input whose stored blob failed verification while it was read (the
 * blob is in quarantine by then): whatever the node computed is not to be stored or used. An
 * executor computes the input again, and then the node; one that cannot (a Beam worker) fails.
 */
final class CorruptInputException extends RuntimeException {
  private final NodeId input;

  private CorruptInputException(Node node, NodeId input) {
    super(
        "input "
            + input.shortForm()
            + " of node "
            + node.id().shortForm()
            + " failed verification when it was read (its stored blob is corrupt and was quarantined)");
    this.input = input;
  }

  /** The input whose value failed verification. */
  public NodeId input() {
    return input;
  }

  /** An item of fan-out {@code node}'s {@code sequence} failed verification when it was read. */
  static CorruptInputException ofItem(Node node, NodeId sequence) {
    return new CorruptInputException(node, sequence);
  }

  /**
   * Throws if the value of a dependency of {@code node} failed verification.
   *
   * @throws CorruptInputException naming the first such input
   */
  static void check(Node node, Function<NodeId, Value> inputs) {
    for (NodeId dependency : node.dependencies()) {
      if (inputs.apply(dependency).failedVerification()) {
        throw new CorruptInputException(node, dependency);
      }
    }
  }
}
