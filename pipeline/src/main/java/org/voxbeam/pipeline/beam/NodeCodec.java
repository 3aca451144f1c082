package org.voxbeam.pipeline.beam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.execution.ModelBoundNode;

/**
 * Turns a node into one line of canonical JSON and back, so that tasks carry the nodes they
 * compute as plain strings: a worker on another machine needs neither the plan file nor Java
 * serialization of the node model. The node's claimed id travels with it and is kept as is, so
 * any {@link Node} implementation survives the trip; a {@link ModelBoundNode} keeps its model
 * sources.
 */
final class NodeCodec {
  private NodeCodec() {}

  static String encode(Node node) {
    List<JsonValue> args = new ArrayList<>(node.args().size());
    for (NodeId arg : node.args()) {
      args.add(JsonValue.of(arg.hex()));
    }
    List<JsonValue> kwargs = new ArrayList<>(node.kwargs().size());
    for (Kwarg kwarg : node.kwargs()) {
      kwargs.add(new JsonArray(List.of(JsonValue.of(kwarg.name()), JsonValue.of(kwarg.value().hex()))));
    }
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("id", JsonValue.of(node.id().hex()));
    fields.put("kind", JsonValue.of(node.kind().wireName()));
    fields.put("operator", JsonValue.of(node.operator()));
    fields.put("args", new JsonArray(args));
    fields.put("kwargs", new JsonArray(kwargs));
    fields.put("attrs", node.attrs());
    fields.put("output_kind", JsonValue.of(node.outputKind()));
    if (node instanceof ModelBoundNode bound) {
      fields.put("model_sources", ids(bound.modelSources()));
    }
    return CanonicalJson.write(new JsonObject(fields));
  }

  static Node decode(String text) {
    JsonObject fields = (JsonObject) JsonReader.parse(text);
    List<NodeId> args = new ArrayList<>();
    for (JsonValue arg : array(fields, "args")) {
      args.add(new NodeId(((JsonString) arg).value()));
    }
    List<Kwarg> kwargs = new ArrayList<>();
    for (JsonValue pair : array(fields, "kwargs")) {
      List<JsonValue> items = ((JsonArray) pair).items();
      kwargs.add(new Kwarg(((JsonString) items.get(0)).value(), new NodeId(((JsonString) items.get(1)).value())));
    }
    Node node = new VoxNode(
        new NodeId(string(fields, "id")),
        kind(string(fields, "kind")),
        string(fields, "operator"),
        args,
        kwargs,
        (JsonObject) fields.get("attrs").orElseThrow(),
        string(fields, "output_kind"));
    if (fields.get("model_sources").isEmpty()) {
      return node;
    }
    List<NodeId> sources = new ArrayList<>();
    for (JsonValue source : array(fields, "model_sources")) {
      sources.add(new NodeId(((JsonString) source).value()));
    }
    return new ModelBoundNode(node, sources);
  }

  private static JsonArray ids(List<NodeId> ids) {
    List<JsonValue> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      out.add(JsonValue.of(id.hex()));
    }
    return new JsonArray(out);
  }

  private static List<JsonValue> array(JsonObject fields, String name) {
    return ((JsonArray) fields.get(name).orElseThrow()).items();
  }

  private static String string(JsonObject fields, String name) {
    return fields.getString(name).orElseThrow();
  }

  private static NodeKind kind(String wireName) {
    for (NodeKind kind : NodeKind.values()) {
      if (kind.wireName().equals(wireName)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown node kind: " + wireName);
  }
}
