package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.Version4StoreTest.assertProgramSequences;
import static org.voxbeam.storage.Version4StoreTest.integers;
import static org.voxbeam.storage.Version4StoreTest.numbers;
import static org.voxbeam.storage.Version4StoreTest.segmentHashes;
import static org.voxbeam.storage.Version4StoreTest.segments;
import static org.voxbeam.storage.Version4StoreTest.storedSequences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.maintenance.VerifyReport;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * A store written by format version 5 (the fixture in the test resources: {@code v5-program.imgql}
 * run without its last two goals, which wrote a narrow segment with sequences in their rows, then
 * whole, which added a wide one with the failure and one more such sequence) is upgraded by its
 * marker alone: its segments stay byte for byte, their rows keep their checksums, and sequences
 * whose items each carry their type read back as written. What this version writes keeps a sequence
 * of integers or of numbers as a plain list.
 */
class Version5StoreTest {
  static final Path FIXTURE = Path.of("src/test/resources/org/voxbeam/storage/v5-store");

  @TempDir Path dir;

  @Test
  void isUpgradedInPlaceAndReadsAsWritten() throws Exception {
    Path store = StoreUpgradeTest.copyFixture(FIXTURE, dir.resolve("store"));
    Map<String, String> before = segmentHashes(store);
    for (Path segment : segments(store)) {
      MessageType schema = SegmentFiles.schemaOf(segment);
      assertTrue(schema.containsField(SegmentSchema.ITEMS), "version 5 items: " + segment);
      assertFalse(schema.containsField(SegmentSchema.ITEM_INTEGERS), "no lists: " + segment);
    }
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertTrue(
          Files.readString(store.resolve(StoreLayout.MARKER_FILE))
              .contains("\"version\": " + FormatMarker.VERSION));
      VerifyReport report = new StoreMaintenance(opened).verify();
      assertTrue(report.ok(), report.problems().toString());
      assertEquals(0, report.uncheckedRows(), "every row of version 5 carries its checksum");
      List<Value> sequences = storedSequences(store, opened);
      assertProgramSequences(sequences);
      assertTrue(sequences.contains(numbers(7, 8.5)), "in the wide segment: " + sequences);
    }
    assertEquals(before, segmentHashes(store), "no segment is rewritten");
  }

  @Test
  void newSequencesOfIntegersOrNumbersArePlainListsBesideTheOldRows() throws Exception {
    Path store = StoreUpgradeTest.copyFixture(FIXTURE, dir.resolve("store"));
    Set<Path> old = new HashSet<>(segments(store));
    SequenceValue integers = integers(-3, 0, Long.MAX_VALUE);
    SequenceValue numbers = numbers(Double.NaN, -0.0, 1e300);
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      opened.putAll(
          List.of(
              StoredValues.result("integers", integers), StoredValues.result("numbers", numbers)));
    }
    List<Path> added = segments(store).stream().filter(segment -> !old.contains(segment)).toList();
    assertEquals(1, added.size());
    assertEquals(SegmentSchema.NARROW_ITEMS, SegmentFiles.schemaOf(added.get(0)));
    Set<String> filled = new HashSet<>();
    for (Group row : SegmentFiles.read(added.get(0), SegmentSchema.RESULT)) {
      for (String field :
          List.of(SegmentSchema.ITEMS, SegmentSchema.ITEM_INTEGERS, SegmentSchema.ITEM_NUMBERS)) {
        if (row.getFieldRepetitionCount(field) > 0) {
          filled.add(field);
        }
      }
    }
    assertEquals(Set.of(SegmentSchema.ITEM_INTEGERS, SegmentSchema.ITEM_NUMBERS), filled);
    try (ParquetResultStore reopened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertEquals(integers, reopened.get(StoredValues.id("integers")).orElseThrow().value());
      SameValue.assertSame(numbers, reopened.get(StoredValues.id("numbers")).orElseThrow().value());
      assertTrue(new StoreMaintenance(reopened).verify().ok());
    }
  }
}
