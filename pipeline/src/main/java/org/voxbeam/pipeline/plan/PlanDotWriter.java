package org.voxbeam.pipeline.plan;

import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * Renders a plan as Graphviz DOT for people to look at: one vertex per node labelled with its
 * operator, constant value or closure parameter, an edge from each input to its consumer, and goals
 * drawn as boxes carrying their names.
 */
public final class PlanDotWriter {
  private PlanDotWriter() {}

  public static String write(Plan plan) {
    StringBuilder out = new StringBuilder("digraph plan {\n  node [shape=ellipse];\n");
    for (Node node : plan.topologicalOrder()) {
      out.append("  \"")
          .append(node.id().hex())
          .append("\" [label=\"")
          .append(escape(NodeLabels.of(node)))
          .append("\"];\n");
      for (NodeId input : node.dependencies()) {
        out.append("  \"")
            .append(input.hex())
            .append("\" -> \"")
            .append(node.id().hex())
            .append("\";\n");
      }
    }
    for (Goal goal : plan.goals()) {
      String goalVertex = "goal:" + goal.operation().wireName() + ":" + goal.name();
      out.append("  \"")
          .append(escape(goalVertex))
          .append("\" [shape=box, label=\"")
          .append(escape(goal.operation().wireName() + " " + goal.name()))
          .append("\"];\n");
      out.append("  \"")
          .append(goal.id().hex())
          .append("\" -> \"")
          .append(escape(goalVertex))
          .append("\";\n");
    }
    return out.append("}\n").toString();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
