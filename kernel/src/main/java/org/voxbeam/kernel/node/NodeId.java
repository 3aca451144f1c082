package org.voxbeam.kernel.node;

import java.util.regex.Pattern;

/**
 * The identity of a node and of its result: 64 lowercase hex digits of a SHA-256.
 *
 * <p>Ids are what the result store is keyed by and what VoxLogicA-2 and VoxBeam must agree on,
 * so malformed ids are refused at the boundary rather than hashed or stored.
 */
public record NodeId(String hex) implements Comparable<NodeId> {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public NodeId {
    if (hex == null || !HEX64.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a node id (64 lowercase hex digits): " + hex);
    }
  }

  /** Whether {@code text} is a well-formed node id. */
  public static boolean isValid(String text) {
    return text != null && HEX64.matcher(text).matches();
  }

  /** The first 12 hex digits, for messages and logs. */
  public String shortForm() {
    return hex.substring(0, 12);
  }

  @Override
  public int compareTo(NodeId other) {
    return hex.compareTo(other.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
