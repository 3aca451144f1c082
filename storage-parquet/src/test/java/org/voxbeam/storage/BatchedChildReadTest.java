package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * A sequence's items are read a segment at a time (issue 14): what a fresh store reads is what was
 * stored, wherever the items are, and a corrupt item still reads as absent, alone.
 */
class BatchedChildReadTest {
  private static final int SEGMENTS = 3;
  private static final int PER_SEGMENT = 1_500;

  @TempDir Path dir;

  @Test
  void itemsCommittedAcrossSegmentsReadBackInOrder() {
    NodeId parent = StoredValues.id("mapped");
    SequenceValue sequence = commitInSegments(parent);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertEquals(SEGMENTS + 1, store.segmentFiles().size());
      assertEquals(sequence, store.get(parent).orElseThrow().value());
    }
  }

  @Test
  void nestedSequencesWrittenInOneSegmentReadBack() {
    List<Value> outer = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<Value> inner = new ArrayList<>();
      for (int j = 0; j < 100; j++) {
        inner.add(j % 3 == 0 ? new StringValue("s" + i + "-" + j) : new NumberValue(i * 1000 + j));
      }
      outer.add(new SequenceValue(inner));
    }
    SequenceValue value = new SequenceValue(outer);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(List.of(StoredValues.result("nested", value)));
    }
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertEquals(value, store.get(StoredValues.id("nested")).orElseThrow().value());
    }
  }

  @Test
  void aCorruptItemReadsAsAbsentAndOnlyIt() throws IOException {
    NodeId parent = StoredValues.id("mapped");
    SequenceValue sequence = commitInSegments(parent);
    int victim = PER_SEGMENT + 17;
    NodeId victimId = NodeHashing.sequenceItemId(parent, victim);
    flipNumber(itemValue(victim));
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertTrue(store.get(parent).isEmpty(), "a sequence with a corrupt item reads as absent");
      assertTrue(store.get(victimId).isEmpty(), "the corrupt item reads as absent");
      for (int i = 0; i < SEGMENTS * PER_SEGMENT; i++) {
        if (i != victim) {
          NodeId item = NodeHashing.sequenceItemId(parent, i);
          assertEquals(itemValue(i), store.get(item).orElseThrow().value(), "item " + i);
        }
      }
      store.putAll(List.of(StoredValues.result(victimId, itemValue(victim))));
      assertEquals(
          sequence, store.get(parent).orElseThrow().value(), "recomputed, the item counts again");
    }
  }

  private static NumberValue itemValue(int i) {
    return new NumberValue(7_000_000.25 + i);
  }

  /** Items in {@link #SEGMENTS} segments of their own, then the sequence referring to them. */
  private SequenceValue commitInSegments(NodeId parent) {
    List<Value> items = new ArrayList<>();
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      for (int s = 0; s < SEGMENTS; s++) {
        List<StoredResult> batch = new ArrayList<>();
        for (int k = 0; k < PER_SEGMENT; k++) {
          int i = s * PER_SEGMENT + k;
          items.add(itemValue(i));
          batch.add(StoredValues.result(NodeHashing.sequenceItemId(parent, i), itemValue(i)));
        }
        store.putAll(batch);
      }
      SequenceValue sequence = new SequenceValue(items);
      StoredResult stored = StoredValues.result(parent, sequence);
      store.putAll(List.of(new StoredResult(parent, sequence, stored.metadata(), true)));
      return sequence;
    }
  }

  private void flipNumber(NumberValue value) throws IOException {
    byte[] bits = new byte[8];
    long raw = Double.doubleToLongBits(value.value());
    for (int i = 0; i < 8; i++) {
      bits[i] = (byte) (raw >>> (8 * i));
    }
    try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
      for (Path segment : files.sorted().toList()) {
        long at = indexOf(Files.readAllBytes(segment), bits);
        if (at >= 0) {
          SegmentCorruptionTest.flipBit(segment, at, 0);
          return;
        }
      }
    }
    throw new AssertionError("no segment holds " + value);
  }

  /** Where {@code pattern} first occurs in {@code bytes}: Latin-1 maps each byte to one char. */
  private static long indexOf(byte[] bytes, byte[] pattern) {
    return new String(bytes, StandardCharsets.ISO_8859_1)
        .indexOf(new String(pattern, StandardCharsets.ISO_8859_1));
  }
}
