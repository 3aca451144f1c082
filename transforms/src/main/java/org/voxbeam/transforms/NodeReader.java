package org.voxbeam.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.execution.ModelBoundNode;

/**
 * Reads what {@link NodeWriter} wrote, building each distinct id and string once and parsing each
 * distinct attributes text once per stream.
 */
final class NodeReader {
  static final int ID_BYTES = 32;

  /** The attributes text of the many nodes without attributes, read back without parsing. */
  static final String EMPTY_ATTRS = "{}";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final NodeKind[] KINDS = NodeKind.values();

  private final InputStream in;
  private final List<NodeId> ids = new ArrayList<>();
  private final List<String> strings = new ArrayList<>();
  private final Map<String, JsonObject> attrs = new HashMap<>();

  NodeReader(InputStream in) {
    this.in = in;
  }

  List<Node> readNodes() throws IOException {
    int size = size();
    List<Node> nodes = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      nodes.add(readNode());
    }
    return nodes;
  }

  List<NodeId> readIds() throws IOException {
    int size = size();
    List<NodeId> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(readId());
    }
    return list;
  }

  private Node readNode() throws IOException {
    int form = readByte();
    NodeId id = readId();
    int kind = readByte();
    if (kind >= KINDS.length) {
      throw new CoderException("unknown node kind " + kind);
    }
    String operator = readString();
    List<NodeId> args = readIds();
    int kwargCount = size();
    List<Kwarg> kwargs = new ArrayList<>(kwargCount);
    for (int i = 0; i < kwargCount; i++) {
      kwargs.add(new Kwarg(readString(), readId()));
    }
    JsonObject attributes = attrs.computeIfAbsent(readString(), NodeReader::parseAttrs);
    Node node = new VoxNode(id, KINDS[kind], operator, args, kwargs, attributes, readString());
    return form == 0 ? node : new ModelBoundNode(node, readIds());
  }

  private static JsonObject parseAttrs(String text) {
    return text.equals(EMPTY_ATTRS) ? JsonObject.EMPTY : (JsonObject) JsonReader.parse(text);
  }

  private NodeId readId() throws IOException {
    int reference = size();
    if (reference > 0) {
      return known(ids, reference);
    }
    byte[] raw = in.readNBytes(ID_BYTES);
    if (raw.length != ID_BYTES) {
      throw new CoderException("truncated node id");
    }
    char[] hex = new char[2 * ID_BYTES];
    for (int i = 0; i < ID_BYTES; i++) {
      hex[2 * i] = HEX[(raw[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[raw[i] & 0xf];
    }
    NodeId id = new NodeId(new String(hex));
    ids.add(id);
    return id;
  }

  private String readString() throws IOException {
    int reference = size();
    if (reference > 0) {
      return known(strings, reference);
    }
    int length = size();
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new CoderException("truncated string");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    strings.add(text);
    return text;
  }

  private static <T> T known(List<T> table, int reference) throws CoderException {
    if (reference > table.size()) {
      throw new CoderException("reference " + reference + " to an entry not read yet");
    }
    return table.get(reference - 1);
  }

  private int size() throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 0) {
      throw new CoderException("negative size " + size);
    }
    return size;
  }

  private int readByte() throws IOException {
    int value = in.read();
    if (value < 0) {
      throw new CoderException("truncated node");
    }
    return value;
  }
}
