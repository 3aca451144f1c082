package org.voxbeam.kernel.node;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.voxbeam.kernel.json.JsonValue;

/**
 * The ids of one parent's parts in one family that integer tokens name (a sequence's items, a
 * fan-out's results): {@link NodeHashing#childId} for many indices. The canonical text of a child's
 * payload differs between indices only in the token, which its sorted keys put last, so the text
 * before it is written once and each id hashes that prefix, the index and the closing brace. A
 * sequence of 100,000 items has 100,000 ids, made on every commit and every lookup of its items.
 */
public final class ChildIds {
  private static final long SENTINEL = 0;

  private final byte[] prefix;

  private ChildIds(NodeId parent, String family) {
    String whole = NodeHashing.childText(parent, family, JsonValue.of(SENTINEL));
    String tail = SENTINEL + "}";
    if (!whole.endsWith(tail)) {
      throw new IllegalStateException("a child's canonical payload does not end in its token");
    }
    this.prefix =
        whole.substring(0, whole.length() - tail.length()).getBytes(StandardCharsets.UTF_8);
  }

  /** The ids of {@code parent}'s parts in {@code family}. */
  public static ChildIds of(NodeId parent, String family) {
    return new ChildIds(parent, family);
  }

  /** The ids of the items of the sequence {@code parent} produces. */
  public static ChildIds ofSequence(NodeId parent) {
    return of(parent, NodeHashing.SEQUENCE_ITEM_FAMILY);
  }

  /** The id of the part whose token is {@code index}. */
  public NodeId at(long index) {
    byte[] digits = Long.toString(index).getBytes(StandardCharsets.US_ASCII);
    byte[] text = Arrays.copyOf(prefix, prefix.length + digits.length + 1);
    System.arraycopy(digits, 0, text, prefix.length, digits.length);
    text[text.length - 1] = '}';
    return new NodeId(Sha256.of(text));
  }
}
