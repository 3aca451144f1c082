package org.voxbeam.pipeline.plan;

import java.util.Optional;
import org.voxbeam.kernel.node.NodeId;

/**
 * A plan that cannot be executed as given, with where the problem is: the source it came from and,
 * when one node is to blame, that node's id. The message is one line meant for the user.
 */
public final class PlanException extends RuntimeException {
  private final String source;
  private final NodeId nodeId;

  public PlanException(String source, NodeId nodeId, String problem) {
    super(format(source, nodeId, problem));
    this.source = source;
    this.nodeId = nodeId;
  }

  public PlanException(String source, String problem) {
    this(source, null, problem);
  }

  public String source() {
    return source;
  }

  public Optional<NodeId> nodeId() {
    return Optional.ofNullable(nodeId);
  }

  private static String format(String source, NodeId nodeId, String problem) {
    return nodeId == null ? source + ": " + problem : source + ": node " + nodeId + ": " + problem;
  }
}
