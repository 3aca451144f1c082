package org.voxbeam.kernel.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(NodeHashing::newSha256);

  private NodeHashing() {}

  /** The id of a node whose canonical payload is {@code payload}. */
  public static NodeId idOf(JsonObject payload) {
    return sha256(CanonicalJson.write(payload));
  }

  /** The id of item {@code index} of the sequence produced by {@code parent}. */
  public static NodeId sequenceItemId(NodeId parent, long index) {
    return childId(parent, SEQUENCE_ITEM_FAMILY, JsonValue.of(index));
  }

  /** The id of the part of {@code parent}'s result named {@code token} within {@code family}. */
  public static NodeId childId(NodeId parent, String family, JsonValue token) {
    Map<String, JsonValue> payload = new LinkedHashMap<>();
    payload.put("kind", JsonValue.of(family));
    payload.put("parent_node_id", JsonValue.of(parent.hex()));
    payload.put("token", token);
    return sha256(CanonicalJson.write(new JsonObject(payload)));
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}, as a node id. */
  public static NodeId sha256(String text) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    return new NodeId(toHex(hash));
  }

  static String toHex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
