package org.voxbeam.kernel.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;

/**
 * A node named exactly as VoxLogicA-2 names it: the SHA-256 of the canonical JSON of {@code {kind,
 * operator, args, kwargs, attrs, output_kind}}.
 *
 * <p>Built through {@link #of}, which computes the id; the canonical constructor takes an id so an
 * imported node can be checked against the id its plan claims ({@link #contentId()}).
 */
public record VoxNode(
    NodeId id,
    NodeKind kind,
    String operator,
    List<NodeId> args,
    List<Kwarg> kwargs,
    JsonObject attrs,
    String outputKind)
    implements Node {

  public static final String CONSTANT_OPERATOR = "constant";
  public static final String CLOSURE_OPERATOR = "closure";

  public VoxNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(outputKind, "outputKind");
    args = List.copyOf(args);
    List<Kwarg> sorted = new ArrayList<>(kwargs);
    sorted.sort(null);
    kwargs = List.copyOf(sorted);
    Objects.requireNonNull(attrs, "attrs");
  }

  /** A node whose id is computed from its content. */
  public static VoxNode of(
      NodeKind kind,
      String operator,
      List<NodeId> args,
      List<Kwarg> kwargs,
      JsonObject attrs,
      String outputKind) {
    List<Kwarg> sorted = new ArrayList<>(kwargs);
    sorted.sort(null);
    NodeId id = NodeHashing.idOf(payload(kind, operator, args, sorted, attrs, outputKind));
    return new VoxNode(id, kind, operator, args, sorted, attrs, outputKind);
  }

  /** A constant node holding {@code value}, with VoxLogicA-2's {@code scalar} output kind. */
  public static VoxNode constant(JsonValue value) {
    return of(
        NodeKind.CONSTANT,
        CONSTANT_OPERATOR,
        List.of(),
        List.of(),
        new JsonObject(Map.of("value", value)),
        "scalar");
  }

  /** A primitive node applying {@code operator} to positional arguments. */
  public static VoxNode primitive(String operator, List<NodeId> args, String outputKind) {
    return of(NodeKind.PRIMITIVE, operator, args, List.of(), JsonObject.EMPTY, outputKind);
  }

  /** The payload VoxLogicA-2 hashes. */
  public JsonObject payload() {
    return payload(kind, operator, args, kwargs, attrs, outputKind);
  }

  @Override
  public NodeId contentId() {
    return NodeHashing.idOf(payload());
  }

  /** The value of a constant node. */
  public JsonValue constantValue() {
    if (kind != NodeKind.CONSTANT) {
      throw new IllegalStateException("not a constant node: " + id);
    }
    return attrs.get("value").orElse(JsonValue.ofNull());
  }

  private static JsonObject payload(
      NodeKind kind,
      String operator,
      List<NodeId> args,
      List<Kwarg> kwargs,
      JsonObject attrs,
      String outputKind) {
    List<JsonValue> argIds = new ArrayList<>(args.size());
    for (NodeId arg : args) {
      argIds.add(JsonValue.of(arg.hex()));
    }
    List<JsonValue> kwargPairs = new ArrayList<>(kwargs.size());
    for (Kwarg kwarg : kwargs) {
      kwargPairs.add(
          new JsonArray(List.of(JsonValue.of(kwarg.name()), JsonValue.of(kwarg.value().hex()))));
    }
    Map<String, JsonValue> payload = new LinkedHashMap<>();
    payload.put("kind", JsonValue.of(kind.wireName()));
    payload.put("operator", JsonValue.of(operator));
    payload.put("args", new JsonArray(argIds));
    payload.put("kwargs", new JsonArray(kwargPairs));
    payload.put("attrs", attrs);
    payload.put("output_kind", JsonValue.of(outputKind));
    return new JsonObject(payload);
  }
}
