package org.voxbeam.pipeline.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeKind;

/**
 * Writes a plan in VoxLogicA-2's JSON export format: nodes in dependency order (ties by id),
 * positional arguments keyed {@code "0"}, {@code "1"}, …, named arguments by name, indented as
 * Python's {@code json.dumps(plan, indent=2)}. Reading the output back gives the same plan.
 */
public final class PlanJsonWriter {
  private PlanJsonWriter() {}

  public static String write(Plan plan) {
    List<JsonValue> nodes = new ArrayList<>(plan.size());
    for (Node node : plan.topologicalOrder()) {
      nodes.add(nodeJson(node));
    }
    List<JsonValue> goals = new ArrayList<>(plan.goals().size());
    for (Goal goal : plan.goals()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      fields.put("operation", JsonValue.of(goal.operation().wireName()));
      fields.put("id", JsonValue.of(goal.id().hex()));
      fields.put("name", JsonValue.of(goal.name()));
      goals.add(new JsonObject(fields));
    }
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("nodes", new JsonArray(nodes));
    root.put("goals", new JsonArray(goals));
    return CanonicalJson.writeIndented(new JsonObject(root)) + "\n";
  }

  private static JsonValue nodeJson(Node node) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("id", JsonValue.of(node.id().hex()));
    if (node.kind() == NodeKind.CONSTANT) {
      fields.put("type", JsonValue.of("constant"));
      fields.put("value", node.attrs().get("value").orElse(JsonValue.ofNull()));
    } else {
      fields.put("type", JsonValue.of(node.kind() == NodeKind.CLOSURE ? "closure" : "operation"));
      fields.put("operator", JsonValue.of(node.operator()));
      Map<String, JsonValue> arguments = new LinkedHashMap<>();
      for (int i = 0; i < node.args().size(); i++) {
        arguments.put(Integer.toString(i), JsonValue.of(node.args().get(i).hex()));
      }
      for (Kwarg kwarg : node.kwargs()) {
        arguments.put(kwarg.name(), JsonValue.of(kwarg.value().hex()));
      }
      fields.put("arguments", new JsonObject(arguments));
      fields.put("attrs", node.attrs());
    }
    fields.put("output_kind", JsonValue.of(node.outputKind()));
    return new JsonObject(fields);
  }
}
