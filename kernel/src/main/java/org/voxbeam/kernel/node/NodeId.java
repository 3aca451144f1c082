package org.voxbeam.kernel.node;

/**
 * The identity of a node and of its result: 64 lowercase hex digits of a SHA-256.
 *
 * <p>Ids are what the result store is keyed by and what VoxLogicA-2 and VoxBeam must agree on, so
 * malformed ids are refused at the boundary rather than hashed or stored.
 */
public record NodeId(String hex) implements Comparable<NodeId> {
  private static final int LENGTH = 64;

  public NodeId {
    if (!isValid(hex)) {
      throw new IllegalArgumentException("not a node id (64 lowercase hex digits): " + hex);
    }
  }

  /**
   * Whether {@code text} is a well-formed node id. A loop, not a regular expression: every node of
   * every plan is checked, and a matcher per id cost a tenth of reducing a large program.
   */
  public static boolean isValid(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
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
