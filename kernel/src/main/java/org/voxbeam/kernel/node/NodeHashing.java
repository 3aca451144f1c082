package org.voxbeam.kernel.node;

import java.util.LinkedHashMap;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;

/**
 * VoxLogicA-2's content addressing: SHA-256 of canonical JSON, for nodes and for the children
 * (sequence items and other parts) a node's result is split into.
 */
public final class NodeHashing {
  /** The child family VoxLogicA-2 uses for the items of a sequence. */
  public static final String SEQUENCE_ITEM_FAMILY = "sequence-item-ref";

  private NodeHashing() {}

  /** The id of a node whose canonical payload is {@code payload}. */
  public static NodeId idOf(JsonObject payload) {
    return sha256(CanonicalJson.write(payload));
  }

  /**
   * The id of item {@code index} of the sequence produced by {@code parent}; {@link
   * ChildIds#ofSequence} makes many of them faster.
   */
  public static NodeId sequenceItemId(NodeId parent, long index) {
    return childId(parent, SEQUENCE_ITEM_FAMILY, JsonValue.of(index));
  }

  /** The id of the part of {@code parent}'s result named {@code token} within {@code family}. */
  public static NodeId childId(NodeId parent, String family, JsonValue token) {
    return sha256(childText(parent, family, token));
  }

  /** The canonical payload that {@link #childId} hashes. */
  static String childText(NodeId parent, String family, JsonValue token) {
    Map<String, JsonValue> payload = new LinkedHashMap<>();
    payload.put("kind", JsonValue.of(family));
    payload.put("parent_node_id", JsonValue.of(parent.hex()));
    payload.put("token", token);
    return CanonicalJson.write(new JsonObject(payload));
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}, as a node id. */
  public static NodeId sha256(String text) {
    return new NodeId(Sha256.of(text));
  }
}
