package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;

/**
 * The bad-input matrix for the store directory: truncated, empty, foreign and stray files where
 * segments, blobs, temporary files, access logs and the marker live. Every case either opens with
 * the damage ignored or is refused with a message naming the file; results stored before stay
 * readable, and the store still accepts new results.
 */
class StoreDirectoryBadInputTest {
  @TempDir Path dir;
  private Path root;
  private List<StoredResult> stored;

  @BeforeEach
  void storeSomeResults() {
    root = dir.resolve("store");
    stored =
        List.of(
            result("number", new NumberValue(4.25)),
            result("text", new StringValue("kept")),
            result(
                "sequence",
                new SequenceValue(List.of(new NumberValue(1.0), new StringValue("two")))),
            result("bytes", new BytesValue(InMemoryBlob.copyOf(new byte[] {9, 8, 7}))));
    try (ParquetResultStore store = open()) {
      store.putAll(stored);
    }
  }

  @Test
  void aTruncatedSegmentIsIgnored() throws IOException {
    Path segment = onlySegment();
    byte[] bytes = Files.readAllBytes(segment);
    Files.write(
        root.resolve("segments/seg-1-truncated0000000.parquet"),
        java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertIntactAndWritable();
  }

  @Test
  void emptyAndRandomSegmentFilesAreIgnored() throws IOException {
    Files.write(root.resolve("segments/seg-2-empty00000000000.parquet"), new byte[0]);
    byte[] noise = new byte[4096];
    new Random(3).nextBytes(noise);
    Files.write(root.resolve("segments/seg-3-noise00000000000.parquet"), noise);
    Files.writeString(
        root.resolve("segments/seg-4-text000000000000.parquet"), "PAR1 but not really PAR1");
    assertIntactAndWritable();
  }

  @Test
  void strayFilesAndDirectoriesAreIgnored() throws IOException {
    Files.writeString(root.resolve("segments/README.txt"), "notes");
    Files.createDirectories(root.resolve("segments/seg-5-adirectory0000.parquet"));
    Files.writeString(root.resolve("tmp/half-written.parquet"), "partial");
    Files.writeString(root.resolve("blobs/stray.bin"), "stray");
    Files.writeString(root.resolve("notes.md"), "someone's notes");
    assertIntactAndWritable();
  }

  @Test
  void aGarbledAccessLogIsIgnored() throws IOException {
    Files.createDirectories(root.resolve("access"));
    Files.writeString(
        root.resolve("access/access-1-garbage00000000.log"), "not a line\n\u0000\u0001\nzz 12\n");
    assertIntactAndWritable();
  }

  @Test
  void aCorruptBlobIsNeverServedAndTheRestStays() throws IOException {
    Path blob;
    try (Stream<Path> files = Files.walk(root.resolve("blobs/sha256"))) {
      blob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.write(blob, new byte[] {9, 8, 6});
    try (ParquetResultStore store = open()) {
      assertTrue(store.get(stored.get(3).id()).isEmpty(), "a corrupt blob was served");
      for (StoredResult result : stored.subList(0, 3)) {
        assertSame(result, store.get(result.id()).orElseThrow());
      }
    }
  }

  @Test
  void anUnknownMarkerIsRefusedByName() throws IOException {
    Path marker = root.resolve(StoreLayout.MARKER_FILE);
    Files.writeString(marker, "{\"format\": \"voxbeam-result-store\", \"version\": 99}");
    StoreException future = assertThrows(StoreException.class, this::open);
    assertTrue(future.getMessage().contains("99"), future.getMessage());

    Files.writeString(marker, "{not json", StandardCharsets.UTF_8);
    StoreException garbled = assertThrows(StoreException.class, this::open);
    assertTrue(garbled.getMessage().contains(StoreLayout.MARKER_FILE), garbled.getMessage());

    Files.writeString(marker, "{\"format\": \"voxbeam-result-store\", \"version\": 1}");
    assertIntactAndWritable();
  }

  @Test
  void aBlobReplacedByADirectoryIsNeverServedAndTheRestStays() throws IOException {
    Path blob;
    try (Stream<Path> files = Files.walk(root.resolve("blobs/sha256"))) {
      blob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.delete(blob);
    Files.createDirectories(blob);
    try (ParquetResultStore store = open()) {
      assertTrue(store.get(stored.get(3).id()).isEmpty(), "a directory was served as a blob");
      for (StoredResult result : stored.subList(0, 3)) {
        assertSame(result, store.get(result.id()).orElseThrow());
      }
    }
  }

  @Test
  void anEmptyMarkerIsRefusedByName() throws IOException {
    Files.write(root.resolve(StoreLayout.MARKER_FILE), new byte[0]);
    StoreException empty = assertThrows(StoreException.class, this::open);
    assertTrue(empty.getMessage().contains(StoreLayout.MARKER_FILE), empty.getMessage());
  }

  private void assertIntactAndWritable() {
    try (ParquetResultStore store = open()) {
      for (StoredResult result : stored) {
        assertSame(result, store.get(result.id()).orElseThrow());
      }
      StoredResult later = result("later", new NumberValue(1.5));
      store.putAll(List.of(later));
      assertEquals(later, store.get(later.id()).orElseThrow());
    }
  }

  /**
   * Equal results; blob-backed values compare by content, since the store hands back file blobs.
   */
  private static void assertSame(StoredResult expected, StoredResult actual) {
    assertEquals(expected.metadata(), actual.metadata());
    if (expected.value() instanceof BytesValue bytes) {
      try {
        assertArrayEquals(
            bytes.data().readAllBytes(), ((BytesValue) actual.value()).data().readAllBytes());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    } else {
      assertEquals(expected, actual, expected.id().shortForm());
    }
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("segments"))) {
      return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  private ParquetResultStore open() {
    return ParquetResultStore.open(root, StoreOptions.defaults());
  }
}
