package org.voxbeam.pipeline.plan;

import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;

/**
 * Renders a plan as a Mermaid flowchart, which Markdown viewers (GitHub, GitLab, many editors) draw
 * without extra tools: the same vertices and edges as {@link PlanDotWriter}, goals as
 * parallelograms.
 */
public final class PlanMermaidWriter {
  private PlanMermaidWriter() {}

  public static String write(Plan plan) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (Node node : plan.topologicalOrder()) {
      out.append("  ")
          .append(vertex(node.id()))
          .append("[\"")
          .append(escape(NodeLabels.of(node)))
          .append("\"]\n");
      for (NodeId input : node.dependencies()) {
        out.append("  ")
            .append(vertex(input))
            .append(" --> ")
            .append(vertex(node.id()))
            .append('\n');
      }
    }
    int index = 0;
    for (Goal goal : plan.goals()) {
      String goalVertex = "g" + index++;
      out.append("  ")
          .append(goalVertex)
          .append("[/\"")
          .append(escape(goal.operation().wireName() + " " + goal.name()))
          .append("\"/]\n");
      out.append("  ").append(vertex(goal.id())).append(" --> ").append(goalVertex).append('\n');
    }
    return out.toString();
  }

  private static String vertex(NodeId id) {
    return "n" + id.hex();
  }

  /** Mermaid reads entity codes inside quoted labels; quotes and brackets would end them. */
  private static String escape(String text) {
    return text.replace("&", "#amp;")
        .replace("\"", "#quot;")
        .replace("\n", " ")
        .replace("<", "#lt;")
        .replace(">", "#gt;");
  }
}
