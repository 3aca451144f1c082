package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;

/**
 * A nullary image maker ({@code tt}, {@code x} …) as the engine runs it: the plan's node, unchanged
 * in every field that is hashed or exported, plus the program's image loads as extra dependencies.
 * Every executor orders work by {@link #dependencies()}, so the maker runs after the loads wherever
 * it runs, and {@link NodeEvaluator} hands it their images as the model.
 *
 * @param node the maker node of the plan; its id and content are this node's
 * @param modelSources the load nodes whose images define the model, in a fixed order
 */
public record ModelBoundNode(Node node, List<NodeId> modelSources) implements Node {
  public ModelBoundNode {
    modelSources = List.copyOf(modelSources);
  }

  @Override
  public NodeId id() {
    return node.id();
  }

  @Override
  public NodeKind kind() {
    return node.kind();
  }

  @Override
  public String operator() {
    return node.operator();
  }

  @Override
  public List<NodeId> args() {
    return node.args();
  }

  @Override
  public List<Kwarg> kwargs() {
    return node.kwargs();
  }

  @Override
  public JsonObject attrs() {
    return node.attrs();
  }

  @Override
  public String outputKind() {
    return node.outputKind();
  }

  @Override
  public NodeId contentId() {
    return node.contentId();
  }

  @Override
  public List<NodeId> dependencies() {
    List<NodeId> all = new ArrayList<>(node.dependencies());
    all.addAll(modelSources);
    return all;
  }
}
