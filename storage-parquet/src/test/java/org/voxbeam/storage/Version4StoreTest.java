package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.maintenance.VerifyReport;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * A store written by format version 4 (the fixture in the test resources: {@code v4-program.imgql}
 * run without its last goal, which wrote a narrow segment, then whole, which added a wide one with
 * the failure) is upgraded by its marker alone: its segments stay byte for byte, every row keeps
 * the checksum it was written with under version 5's schema, and its sequences read back through
 * their child rows.
 */
class Version4StoreTest {
  static final Path FIXTURE = Path.of("src/test/resources/org/voxbeam/storage/v4-store");

  @TempDir Path dir;

  @Test
  void isUpgradedInPlaceAndReadsAsWritten() throws Exception {
    Path store = StoreUpgradeTest.copyFixture(FIXTURE, dir.resolve("store"));
    Map<String, String> before = segmentHashes(store);
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertTrue(
          Files.readString(store.resolve(StoreLayout.MARKER_FILE))
              .contains("\"version\": " + FormatMarker.VERSION));
      VerifyReport report = new StoreMaintenance(opened).verify();
      assertTrue(report.ok(), report.problems().toString());
      assertEquals(33, report.rows());
      assertEquals(0, report.uncheckedRows(), "every row of version 4 carries its checksum");

      assertProgramSequences(storedSequences(store, opened));
    }
    assertEquals(before, segmentHashes(store), "no segment is rewritten");
  }

  /** The values of every sequence row in {@code store}'s segments, read through {@code opened}. */
  static List<Value> storedSequences(Path store, ParquetResultStore opened) throws IOException {
    List<Value> sequences = new ArrayList<>();
    for (Path segment : segments(store)) {
      for (Group row : SegmentFiles.read(segment, SegmentSchema.RESULT)) {
        if (row.getString(SegmentSchema.VALUE_TYPE, 0).equals("sequence")) {
          sequences.add(
              opened
                  .get(new NodeId(row.getString(SegmentSchema.NODE_ID, 0)))
                  .orElseThrow()
                  .value());
        }
      }
    }
    return sequences;
  }

  /**
   * The sequences the fixture programs of versions 4 and 5 share ({@code v4-program.imgql}'s) are
   * among {@code sequences}.
   */
  static void assertProgramSequences(List<Value> sequences) {
    SequenceValue xs = integers(0, 1, 2, 3, 4);
    SequenceValue names =
        new SequenceValue(
            List.of(
                new StringValue("a"),
                new StringValue("b"),
                new NumberValue(3),
                new NumberValue(2.5),
                BooleanValue.of(true)));
    assertTrue(sequences.contains(xs), "range(0, 5): " + sequences);
    assertTrue(sequences.contains(numbers(0, 2, 4, 6, 8)), "the map: " + sequences);
    assertTrue(sequences.contains(names), "the literal: " + sequences);
    assertTrue(sequences.contains(new SequenceValue(List.of(xs, names))), "nested");
  }

  static SequenceValue integers(long... values) {
    List<Value> items = new ArrayList<>();
    for (long value : values) {
      items.add(new IntegerValue(value));
    }
    return new SequenceValue(items);
  }

  static SequenceValue numbers(double... values) {
    List<Value> items = new ArrayList<>();
    for (double value : values) {
      items.add(new NumberValue(value));
    }
    return new SequenceValue(items);
  }

  static Map<String, String> segmentHashes(Path store) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    for (Path segment : segments(store)) {
      hashes.put(segment.getFileName().toString(), Sha256.of(Files.readAllBytes(segment)));
    }
    return hashes;
  }

  static List<Path> segments(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("segments"))) {
      return files.filter(SegmentFiles::isSegment).sorted().toList();
    }
  }
}
