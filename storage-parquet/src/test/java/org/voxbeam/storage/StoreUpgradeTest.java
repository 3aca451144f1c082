package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * A store written by VoxBeam 0.1 (format version 1, the fixture in the test resources, written by
 * that version running {@code
 * pipeline/src/test/resources/org/voxbeam/pipeline/upgrade/program.imgql}) is upgraded when this
 * version opens it: every row keeps every column, reads back, and has inputs that were not
 * recorded.
 */
class StoreUpgradeTest {
  static final Path FIXTURE = Path.of("src/test/resources/org/voxbeam/storage/v1-store");

  @TempDir Path dir;

  @Test
  void version1StoreIsUpgradedInPlaceAndReadsBackWhole() throws Exception {
    Path store = copyFixture(dir.resolve("store"));
    Map<String, String> before = rowsByText(store, SegmentSchema.VERSION_1);
    assertEquals(24, before.size(), "the fixture's rows: 14 results, their items, a failure");
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertTrue(
          Files.readString(store.resolve(StoreLayout.MARKER_FILE))
              .contains("\"version\": " + FormatMarker.VERSION));
      for (Path segment : segments(store)) {
        assertTrue(
            SegmentFiles.schemaOf(segment).containsField(SegmentSchema.INPUTS),
            "rewritten: " + segment);
      }
      assertEquals(
          before, rowsByText(store, SegmentSchema.VERSION_1), "every column of every row is kept");
      List<Double> numbers = new ArrayList<>();
      int images = 0;
      for (String id : before.keySet()) {
        StoredResult result =
            opened.get(new NodeId(id)).orElseThrow(() -> new AssertionError("unreadable " + id));
        assertEquals(
            RecordedInputs.UNKNOWN,
            result.metadata().inputs(),
            "inputs were not recorded in version 1");
        assertTrue(result.metadata().runId().isEmpty());
        if (result.value() instanceof NumberValue number) {
          numbers.add(number.value());
        } else if (result.value() instanceof ImageValue image) {
          assertEquals(32, image.geometry().voxelCount());
          assertEquals(
              image.voxels().size(),
              image.voxels().readAllBytes().length,
              "the blob is still there");
          images++;
        }
      }
      assertTrue(numbers.containsAll(List.of(10.0, 5.0, 18.0)), "the fixture's goals: " + numbers);
      assertTrue(images >= 1);
      assertFalse(opened.get(new NodeId(before.keySet().iterator().next())).isEmpty());
    }
    try (ParquetResultStore reopened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertEquals(before.size(), reopened.indexedResults(), "opening again upgrades nothing more");
    }
  }

  @Test
  void storesOpenedAtOnceAreUpgradedOnce() throws Exception {
    Path store = copyFixture(dir.resolve("store"));
    int before = segments(store).size();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> opened = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opened.add(
            threads.submit(
                () -> {
                  try (ParquetResultStore s =
                      ParquetResultStore.open(store, StoreOptions.defaults())) {
                    return s.indexedResults();
                  }
                }));
      }
      for (Future<Integer> result : opened) {
        assertEquals(24, result.get());
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(before, segments(store).size(), "one rewritten segment per old one, no copies");
  }

  @Test
  void aSequenceOfVersion1StillReadsItsChildren() throws Exception {
    Path store = copyFixture(dir.resolve("store"));
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      boolean found = false;
      for (String id : rowsByText(store, SegmentSchema.RESULT).keySet()) {
        if (opened.get(new NodeId(id)).orElseThrow().value() instanceof SequenceValue lines
            && lines.size() == 5) {
          found = true;
        }
      }
      assertTrue(found, "the lines of numbers.txt");
    }
  }

  @Test
  void aNewerVersionIsRefused() throws IOException {
    Path store = copyFixture(dir.resolve("store"));
    Files.writeString(
        store.resolve(StoreLayout.MARKER_FILE),
        "{\"format\": \"voxbeam-result-store\", \"version\": 7}\n");
    StoreException refused =
        assertThrows(
            StoreException.class, () -> ParquetResultStore.open(store, StoreOptions.defaults()));
    assertTrue(refused.getMessage().contains("version 7"), refused.getMessage());
  }

  /** Each row as text over {@code columns}, by id: what an upgrade must keep. */
  private static Map<String, String> rowsByText(
      Path store, org.apache.parquet.schema.MessageType columns) throws IOException {
    Map<String, String> rows = new TreeMap<>();
    for (Path segment : segments(store)) {
      for (Group row : SegmentFiles.read(segment, columns)) {
        rows.put(row.getString(SegmentSchema.NODE_ID, 0), row.toString());
      }
    }
    return rows;
  }

  private static List<Path> segments(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("segments"))) {
      return files.filter(SegmentFiles::isSegment).sorted().toList();
    }
  }

  static Path copyFixture(Path target) throws IOException {
    return copyFixture(FIXTURE, target);
  }

  /** A copy of the store {@code fixture} at {@code target}, to be upgraded there. */
  static Path copyFixture(Path fixture, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(fixture.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    }
    return target;
  }
}
