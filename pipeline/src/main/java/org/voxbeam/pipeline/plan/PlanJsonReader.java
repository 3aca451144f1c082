package org.voxbeam.pipeline.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonSyntaxException;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.ClosureSpec;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;

/**
 * Reads VoxLogicA-2's exported plans ({@code run --save-task-graph-as-json}): a {@code nodes} array
 * of constants, operations and closures, and a {@code goals} array. Every structural problem is
 * reported as a {@link PlanException} naming the file, the node and what is wrong.
 *
 * <p>Operation arguments arrive as an object: keys {@code "0"}, {@code "1"}, … are positional and
 * must be contiguous; any other key is a named argument.
 */
public final class PlanJsonReader {
  private final IdMismatchPolicy idPolicy;
  private final Consumer<String> warnings;

  public PlanJsonReader(IdMismatchPolicy idPolicy, Consumer<String> warnings) {
    this.idPolicy = idPolicy;
    this.warnings = warnings;
  }

  /** A reader that rejects id mismatches. */
  public static PlanJsonReader strict() {
    return new PlanJsonReader(IdMismatchPolicy.REJECT, warning -> {});
  }

  public Plan read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new PlanException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new PlanException(file.toString(), "cannot read plan: " + e.getMessage());
    }
    return read(text, file.toString());
  }

  /** Reads plan JSON text; {@code source} names it in messages. */
  public Plan read(String text, String source) {
    JsonValue root;
    try {
      root = JsonReader.parse(text);
    } catch (JsonSyntaxException e) {
      throw new PlanException(
          source + ":" + e.line() + ":" + e.column(), "malformed JSON: " + e.getMessage());
    }
    if (!(root instanceof JsonObject document)) {
      throw new PlanException(source, "a plan must be a JSON object with 'nodes' and 'goals'");
    }
    List<VoxNode> nodes = new ArrayList<>();
    List<JsonValue> nodeEntries = requireArray(document, "nodes", source);
    for (int i = 0; i < nodeEntries.size(); i++) {
      nodes.add(readNode(source, nodeEntries.get(i), i));
    }
    List<Goal> goals = new ArrayList<>();
    List<JsonValue> goalEntries = requireArray(document, "goals", source);
    for (int i = 0; i < goalEntries.size(); i++) {
      goals.add(readGoal(source, goalEntries.get(i), i));
    }
    return PlanValidator.validate(source, nodes, goals, idPolicy, warnings);
  }

  private static List<JsonValue> requireArray(JsonObject document, String field, String source) {
    if (document.get(field).orElse(null) instanceof JsonArray array) {
      return array.items();
    }
    throw new PlanException(source, "a plan needs a '" + field + "' array");
  }

  private static VoxNode readNode(String source, JsonValue entry, int position) {
    if (!(entry instanceof JsonObject node)) {
      throw new PlanException(source, "nodes[" + position + "] is not an object");
    }
    String idText = node.getString("id").orElse(null);
    if (!NodeId.isValid(idText)) {
      throw new PlanException(
          source, "nodes[" + position + "] has no valid 'id' (64 lowercase hex digits)");
    }
    NodeId id = new NodeId(idText);
    String type = requireString(node, "type", source, id);
    String outputKind =
        node.get("output_kind").isPresent()
            ? requireString(node, "output_kind", source, id)
            : "unknown";
    switch (type) {
      case "constant" -> {
        JsonValue value =
            node.get("value")
                .orElseThrow(() -> new PlanException(source, id, "constant node has no 'value'"));
        return new VoxNode(
            id,
            NodeKind.CONSTANT,
            VoxNode.CONSTANT_OPERATOR,
            List.of(),
            List.of(),
            new JsonObject(Map.of("value", value)),
            outputKind);
      }
      case "operation" -> {
        return operationLike(source, node, id, NodeKind.PRIMITIVE, outputKind);
      }
      case "closure" -> {
        VoxNode closure = operationLike(source, node, id, NodeKind.CLOSURE, outputKind);
        checkClosure(source, closure);
        return closure;
      }
      default ->
          throw new PlanException(
              source,
              id,
              "unknown node type '" + type + "' (expected constant, operation or closure)");
    }
  }

  private static VoxNode operationLike(
      String source, JsonObject node, NodeId id, NodeKind kind, String outputKind) {
    String operator = requireString(node, "operator", source, id);
    JsonObject arguments = optionalObject(node, "arguments", source, id);
    TreeMap<Integer, NodeId> positional = new TreeMap<>();
    List<Kwarg> named = new ArrayList<>();
    for (Map.Entry<String, JsonValue> argument : arguments.members().entrySet()) {
      String key = argument.getKey();
      if (!(argument.getValue() instanceof JsonString target) || !NodeId.isValid(target.value())) {
        throw new PlanException(source, id, "argument '" + key + "' is not a node id");
      }
      NodeId targetId = new NodeId(target.value());
      if (key.matches("\\d{1,9}")) {
        positional.put(Integer.parseInt(key), targetId);
      } else {
        named.add(new Kwarg(key, targetId));
      }
    }
    if (!positional.isEmpty() && positional.lastKey() != positional.size() - 1) {
      throw new PlanException(
          source,
          id,
          "positional argument keys "
              + positional.keySet()
              + " are not 0.."
              + (positional.size() - 1));
    }
    JsonObject attrs = optionalObject(node, "attrs", source, id);
    return new VoxNode(
        id, kind, operator, new ArrayList<>(positional.values()), named, attrs, outputKind);
  }

  private static void checkClosure(String source, VoxNode closure) {
    ClosureSpec spec;
    try {
      spec = ClosureSpec.from(closure.attrs());
    } catch (IllegalArgumentException e) {
      throw new PlanException(source, closure.id(), e.getMessage());
    }
    if (spec.captureNames().size() != closure.args().size()) {
      throw new PlanException(
          source,
          closure.id(),
          "closure names "
              + spec.captureNames().size()
              + " captures but has "
              + closure.args().size()
              + " arguments");
    }
  }

  private static Goal readGoal(String source, JsonValue entry, int position) {
    String where = "goals[" + position + "]";
    if (!(entry instanceof JsonObject goal)) {
      throw new PlanException(source, where + " is not an object");
    }
    String idText = goal.getString("id").orElse(null);
    if (!NodeId.isValid(idText)) {
      throw new PlanException(source, where + " has no valid 'id'");
    }
    NodeId id = new NodeId(idText);
    String name =
        goal.getString("name")
            .orElseThrow(() -> new PlanException(source, id, where + " has no 'name'"));
    String operationName = goal.getString("operation").orElse("");
    Goal.Operation operation =
        Goal.Operation.fromWireName(operationName)
            .orElseThrow(
                () ->
                    new PlanException(
                        source,
                        id,
                        where
                            + " has unknown operation '"
                            + operationName
                            + "' (expected print or save)"));
    return new Goal(operation, id, name);
  }

  private static String requireString(JsonObject node, String field, String source, NodeId id) {
    return node.getString(field)
        .orElseThrow(
            () -> new PlanException(source, id, "'" + field + "' is missing or not a string"));
  }

  private static JsonObject optionalObject(
      JsonObject node, String field, String source, NodeId id) {
    JsonValue value = node.get(field).orElse(JsonObject.EMPTY);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new PlanException(source, id, "'" + field + "' must be an object");
  }
}
