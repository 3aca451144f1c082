package org.voxbeam.transforms;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.util.VarInt;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.execution.ModelBoundNode;

/**
 * Writes nodes in the compact binary form {@link NodeReader} reads, so that a task carries its
 * nodes without JSON on either side: a worker on another machine needs neither the plan file nor
 * Java serialization of the node model, and does not parse text per node.
 *
 * <p>Ids and strings are written once per stream: the first occurrence as {@code 0} and its content
 * (an id as its 32 bytes), every later one as {@code 1 + its index}. A task's nodes read each
 * other, so most of their argument ids and all repeated operators cost a byte or two, and the
 * reader builds each distinct id once. Attributes travel as canonical JSON text in the same string
 * table (most nodes share {@code {}}); the node's claimed id is kept as is, so any {@link Node}
 * implementation survives the trip, and a {@link ModelBoundNode} keeps its model sources.
 */
final class NodeWriter {
  private static final int PLAIN = 0;
  private static final int MODEL_BOUND = 1;

  private final OutputStream out;
  private final Map<NodeId, Integer> ids = new HashMap<>();
  private final Map<String, Integer> strings = new HashMap<>();

  NodeWriter(OutputStream out) {
    this.out = out;
  }

  void writeNodes(List<Node> nodes) throws IOException {
    VarInt.encode(nodes.size(), out);
    for (Node node : nodes) {
      writeNode(node);
    }
  }

  void writeIds(List<NodeId> list) throws IOException {
    VarInt.encode(list.size(), out);
    for (NodeId id : list) {
      writeId(id);
    }
  }

  private void writeNode(Node node) throws IOException {
    boolean bound = node instanceof ModelBoundNode;
    out.write(bound ? MODEL_BOUND : PLAIN);
    writeId(node.id());
    out.write(node.kind().ordinal());
    writeString(node.operator());
    writeIds(node.args());
    VarInt.encode(node.kwargs().size(), out);
    for (Kwarg kwarg : node.kwargs()) {
      writeString(kwarg.name());
      writeId(kwarg.value());
    }
    JsonObject attrs = node.attrs();
    writeString(
        attrs.equals(JsonObject.EMPTY) ? NodeReader.EMPTY_ATTRS : CanonicalJson.write(attrs));
    writeString(node.outputKind());
    if (bound) {
      writeIds(((ModelBoundNode) node).modelSources());
    }
  }

  private void writeId(NodeId id) throws IOException {
    Integer known = ids.get(id);
    if (known != null) {
      VarInt.encode(known + 1, out);
      return;
    }
    ids.put(id, ids.size());
    out.write(0);
    String hex = id.hex();
    byte[] raw = new byte[NodeReader.ID_BYTES];
    for (int i = 0; i < raw.length; i++) {
      raw[i] =
          (byte)
              (Character.digit(hex.charAt(2 * i), 16) << 4
                  | Character.digit(hex.charAt(2 * i + 1), 16));
    }
    out.write(raw);
  }

  private void writeString(String text) throws IOException {
    Integer known = strings.get(text);
    if (known != null) {
      VarInt.encode(known + 1, out);
      return;
    }
    strings.put(text, strings.size());
    out.write(0);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }
}
