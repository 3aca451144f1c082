package org.voxbeam.transforms;

import java.util.List;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * One element of a stage: a group of nodes one {@code DoFn} call executes together, so that a
 * pipeline carries many nodes per element and few transforms per plan.
 *
 * <p>The nodes travel inside the task in a compact binary form ({@link StageTaskCoder}); nodes of
 * earlier stages are not carried, their results are read from the store by id.
 *
 * @param stage the stage this task belongs to
 * @param index the task's position within its stage, for logs
 * @param compute primitive nodes to compute, inputs before consumers
 * @param helpers constants and closures the computed nodes need; they are never stored, so each
 *     task that needs one evaluates it itself
 * @param stored ids the planner found in the store; the task only confirms and reports them
 * @param fresh whether the task's nodes (and a fan-out node's items) are computed whatever the
 *     store holds, because the run's cache policy forces one of them ({@code --no-cache}, {@code
 *     --refresh}); otherwise a worker looks in the store once more before computing
 */
public record StageTask(
    int stage,
    int index,
    List<Node> compute,
    List<Node> helpers,
    List<NodeId> stored,
    boolean fresh) {
  public StageTask {
    compute = List.copyOf(compute);
    helpers = List.copyOf(helpers);
    stored = List.copyOf(stored);
  }

  /** A task that may reuse what the store holds. */
  public StageTask(
      int stage, int index, List<Node> compute, List<Node> helpers, List<NodeId> stored) {
    this(stage, index, compute, helpers, stored, false);
  }

  /** Nodes this task reports on. */
  public int size() {
    return compute.size() + stored.size();
  }
}
