package org.voxbeam.kernel.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonValue;

/** The fast ids are the ids {@link NodeHashing#childId} spells out, for every kind of index. */
class ChildIdsTest {
  private static final NodeId PARENT = NodeHashing.sha256("parent");

  @Test
  void sequenceItemIdsAreTheHashedPayloads() {
    ChildIds ids = ChildIds.ofSequence(PARENT);
    for (long index : new long[] {0, 1, 9, 10, 99, 12345, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertEquals(NodeHashing.sequenceItemId(PARENT, index), ids.at(index), "index " + index);
    }
  }

  @Test
  void otherFamiliesToo() {
    String family = "for-loop-item \"quoted\" \u00e9";
    ChildIds ids = ChildIds.of(PARENT, family);
    for (long index = 0; index < 1000; index++) {
      assertEquals(NodeHashing.childId(PARENT, family, JsonValue.of(index)), ids.at(index));
    }
  }
}
