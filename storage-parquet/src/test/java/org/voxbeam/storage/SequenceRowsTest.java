package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * A sequence of scalars is one row (format version 5): its items, of any scalar type and mixed,
 * read back exactly from a reopened store, and have no rows of their own; a sequence with any other
 * item keeps one row per item, as before.
 */
class SequenceRowsTest {
  @TempDir Path dir;

  @Test
  void aSequenceOfScalarsIsOneRowAndReadsBackExactly() throws IOException {
    List<Value> items = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      items.add(new IntegerValue(i - 500));
    }
    items.addAll(
        List.of(
            new NumberValue(Double.NaN),
            new NumberValue(-0.0),
            new NumberValue(Double.NEGATIVE_INFINITY),
            new StringValue("ça va, 🙂"),
            new StringValue(""),
            BooleanValue.of(false),
            NullValue.INSTANCE,
            new IntegerValue(Long.MIN_VALUE)));
    StoredResult sequence = StoredValues.result("scalars", new SequenceValue(items));
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(List.of(sequence));
      assertEquals(1, store.stats().results(), "the sequence's row alone");
    }
    assertEquals(SegmentSchema.NARROW_ITEMS, SegmentFiles.schemaOf(onlySegment()));
    try (ParquetResultStore reopened = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      SameValue.assertSame(sequence.value(), reopened.get(sequence.id()).orElseThrow().value());
      assertFalse(reopened.contains(NodeHashing.sequenceItemId(sequence.id(), 0)));
      assertTrue(new StoreMaintenance(reopened).verify().ok());
    }
  }

  @Test
  void aSequenceWithACompoundItemKeepsARowPerItem() throws IOException {
    SequenceValue inner = new SequenceValue(List.of(new NumberValue(2)));
    StoredResult sequence =
        StoredValues.result("mixed", new SequenceValue(List.of(new IntegerValue(1), inner)));
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(List.of(sequence));
      assertEquals(3, store.stats().results(), "the sequence, its integer, its inner sequence");
    }
    try (ParquetResultStore reopened = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertEquals(sequence.value(), reopened.get(sequence.id()).orElseThrow().value());
      assertEquals(
          inner, reopened.get(NodeHashing.sequenceItemId(sequence.id(), 1)).orElseThrow().value());
      assertTrue(new StoreMaintenance(reopened).verify().ok());
    }
  }

  @Test
  void aSegmentWithoutSuchASequenceHasNoItemsColumn() throws IOException {
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(
          List.of(
              StoredValues.result("n", new NumberValue(1.5)),
              StoredValues.result("s", new StringValue("x"))));
    }
    assertEquals(SegmentSchema.NARROW, SegmentFiles.schemaOf(onlySegment()));
    assertFalse(SegmentSchema.NARROW.containsField(SegmentSchema.ITEMS));
  }

  @Test
  void aWideSegmentWithoutSuchASequenceHasNoItemsColumn() throws IOException {
    NodeId failed = StoredValues.id("failed");
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(
          List.of(
              StoredValues.result("n", new NumberValue(1.5)),
              StoredValues.result(
                  "failed", new ErrorValue("boom", failed, "test.op", Optional.empty()))));
    }
    assertEquals(SegmentSchema.RESULT_NO_ITEMS, SegmentFiles.schemaOf(onlySegment()));
    try (ParquetResultStore reopened = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertTrue(reopened.get(failed).orElseThrow().value().isError());
    }
  }

  @Test
  void anEmptySequenceReadsBackEmpty() throws IOException {
    StoredResult empty = StoredValues.result("empty", SequenceValue.EMPTY);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(List.of(empty));
    }
    try (ParquetResultStore reopened = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertEquals(SequenceValue.EMPTY, reopened.get(empty.id()).orElseThrow().value());
    }
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
      List<Path> segments = files.filter(SegmentFiles::isSegment).toList();
      assertEquals(1, segments.size());
      return segments.get(0);
    }
  }
}
