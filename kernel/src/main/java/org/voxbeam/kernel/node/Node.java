package org.voxbeam.kernel.node;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.json.JsonObject;

/**
 * A node of a plan: {@code (kind, operator, args, kwargs, attrs, output_kind)} and its id.
 *
 * <p>This is the seam between front ends and the engine: the scheduler and the store see only this
 * interface, so a node model with another hashing or another front end plugs in without touching
 * them. {@link VoxNode} is the VoxLogicA-2 compatible implementation.
 */
public interface Node {
  NodeId id();

  NodeKind kind();

  /** The operator, qualified by namespace for primitives ({@code vox1.+}); the kind otherwise. */
  String operator();

  List<NodeId> args();

  /** Named arguments, sorted by name. */
  List<Kwarg> kwargs();

  JsonObject attrs();

  /** VoxLogicA-2's coarse result kind: {@code scalar}, {@code sequence}, {@code closure}, … */
  String outputKind();

  /**
   * The id this node's content hashes to. A well-formed plan claims exactly this id; a different
   * claimed {@link #id()} means the plan was edited or produced by a diverging implementation.
   */
  NodeId contentId();

  /**
   * Every node this one needs before it can run, in argument order: positional arguments, named
   * arguments, then the nodes captured by functions a closure carries.
   */
  default List<NodeId> dependencies() {
    List<NodeId> all = new ArrayList<>(args());
    for (Kwarg kwarg : kwargs()) {
      all.add(kwarg.value());
    }
    if (kind() == NodeKind.CLOSURE) {
      all.addAll(ClosureSpec.from(attrs()).capturedFunctionInputs());
    }
    return all;
  }
}
