package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.CorruptBlobException;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.maintenance.VerifyReport;

/**
 * Findings 1 to 3 and 7 of issue 18: a flipped bit anywhere in a segment (a scalar, a node id, a
 * page header, the footer) or in a blob is never read as a wrong value; it only makes the results
 * it touches read as absent; every command still works; {@code verify} names the damage and {@code
 * verify --repair} quarantines it; a deleted segment is noticed.
 *
 * <p>A few random flips run by default; {@code -Dvoxbeam.corruption.trials=N} runs N.
 */
class SegmentCorruptionTest {
  private static final int TRIALS = Integer.getInteger("voxbeam.corruption.trials", 6);

  @TempDir Path dir;
  private Path base;
  private final Map<NodeId, Value> expected = new LinkedHashMap<>();

  @BeforeEach
  void storeSomeResults() {
    base = dir.resolve("base");
    try (ParquetResultStore store = ParquetResultStore.open(base, StoreOptions.defaults())) {
      for (int batch = 0; batch < 2; batch++) {
        List<StoredResult> results = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
          String name = "r" + batch + "-" + i;
          Value value =
              switch (i % 5) {
                case 0 -> new NumberValue(4710.0 + i);
                case 1 -> new IntegerValue(616L * i);
                case 2 -> new StringValue("case " + i);
                case 3 -> new SequenceValue(List.of(new NumberValue(i), new StringValue("s" + i)));
                default ->
                    new MappingValue(
                        Map.of("dice", new NumberValue(i / 100.0), "name", new StringValue("m")));
              };
          results.add(StoredValues.result(name, value));
          expected.put(StoredValues.id(name), value);
        }
        store.putAll(results);
      }
    }
  }

  @Test
  void randomBitFlipsInASegmentAreNeverReadAsWrongValues() throws IOException {
    Random random = new Random(18);
    for (int trial = 0; trial < TRIALS; trial++) {
      Path copy = copyOf(base, dir.resolve("trial-" + trial));
      Path segment = segments(copy).get(random.nextInt(2));
      long offset = (long) (random.nextDouble() * Files.size(segment));
      flipBit(segment, offset, random.nextInt(8));
      checkEveryCommand(copy, "flip at byte " + offset + " of " + segment.getFileName());
    }
  }

  @Test
  void aCorruptNodeIdAffectsOnlyItsOwnRow() throws IOException {
    NodeId victim = StoredValues.id("r0-10");
    Path segment = segmentHolding(base, victim);
    long offset = indexOf(segment, victim.hex().getBytes(StandardCharsets.US_ASCII));
    // 'a'..'f' and '0'..'9' XOR 0x40 are not hex digits: the id no longer parses.
    flipBit(segment, offset + 7, 6);
    checkEveryCommand(base, "corrupt node id");
    try (ParquetResultStore store = ParquetResultStore.open(base, StoreOptions.defaults())) {
      assertEquals(
          expected.size() - 1,
          expected.keySet().stream().filter(id -> store.get(id).isPresent()).count(),
          "only the row whose id broke is lost, and only until it is recomputed");
    }
  }

  @Test
  void aFlippedNumberIsNotPrintedAndVerifyNamesItsSegment() throws IOException {
    NodeId victim = StoredValues.id("r1-5");
    Path segment = segmentHolding(base, victim);
    byte[] bits = littleEndian(Double.doubleToLongBits(4715.0));
    flipBit(segment, indexOf(segment, bits), 0);
    try (ParquetResultStore store = ParquetResultStore.open(base, StoreOptions.defaults())) {
      assertTrue(store.get(victim).isEmpty(), "4715.0 with a flipped bit reads as absent");
      VerifyReport report = new StoreMaintenance(store).verify();
      assertFalse(report.ok());
      assertTrue(
          report.problems().get(0).contains(segment.getFileName().toString()),
          report.problems().toString());
      store.putAll(List.of(StoredValues.result("r1-5", new NumberValue(4715.0))));
      assertEquals(
          new NumberValue(4715.0),
          store.get(victim).orElseThrow().value(),
          "recomputed, it counts");
    }
  }

  @Test
  void compactQuarantinesADamagedSegmentAndVerifyStopsReportingIt() throws IOException {
    Path segment = segmentHolding(base, StoredValues.id("r0-20"));
    flipBit(segment, indexOf(segment, littleEndian(Double.doubleToLongBits(4730.0))), 2);
    try (ParquetResultStore store = ParquetResultStore.open(base, StoreOptions.defaults())) {
      StoreMaintenance maintenance = new StoreMaintenance(store);
      assertFalse(maintenance.verify().ok());
      maintenance.compact(10_000, false);
      VerifyReport after = maintenance.verify();
      assertTrue(after.ok(), after.problems().toString());
      assertTrue(Files.exists(base.resolve("quarantine").resolve(segment.getFileName())));
      assertEquals(
          expected.size() - 1,
          expected.keySet().stream().filter(id -> store.get(id).isPresent()).count());
      assertReadsRightOrAbsent(store, "compacted");
    }
  }

  @Test
  void aDeletedSegmentIsNoticedUntilRepairDropsIt() throws IOException {
    Path segment = segments(base).get(0);
    Files.delete(segment);
    try (ParquetResultStore store = ParquetResultStore.open(base, StoreOptions.defaults())) {
      StoreMaintenance maintenance = new StoreMaintenance(store);
      VerifyReport report = maintenance.verify();
      assertEquals(1, report.problems().size(), report.problems().toString());
      assertTrue(
          report
              .problems()
              .get(0)
              .contains(segment.getFileName() + " is in the manifest but missing"));
      VerifyReport repaired = maintenance.verify(true);
      assertEquals(1, repaired.repairs().size());
      assertTrue(maintenance.verify().ok());
    }
  }

  @Test
  void aBlobChangedAfterItsFirstReadFailsTheReadBeforeItsLastByte() throws IOException {
    byte[] content = new byte[200_000];
    new Random(1).nextBytes(content);
    Path store = dir.resolve("blobs");
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      opened.putAll(
          List.of(StoredValues.result("blob", new BytesValue(InMemoryBlob.copyOf(content)))));
      BytesValue first = (BytesValue) opened.get(StoredValues.id("blob")).orElseThrow().value();
      try (InputStream in = first.data().open()) {
        assertEquals(content.length, in.readAllBytes().length);
      }
      Path blob;
      try (Stream<Path> files = Files.walk(store.resolve("blobs"))) {
        blob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
      }
      flipBit(blob, content.length - 1, 3);
      BytesValue cached = (BytesValue) opened.get(StoredValues.id("blob")).orElseThrow().value();
      byte[] buffer = new byte[content.length];
      int[] delivered = {0};
      assertThrows(
          CorruptBlobException.class,
          () -> {
            try (InputStream in = cached.data().open()) {
              for (int read = in.read(buffer, 0, 4096);
                  read >= 0;
                  read = in.read(buffer, 0, 4096)) {
                delivered[0] += read;
              }
            }
          });
      assertTrue(delivered[0] < content.length, "the last bytes are withheld: " + delivered[0]);
      assertTrue(cached.failedVerification());
      assertTrue(opened.get(StoredValues.id("blob")).isEmpty(), "the cached result is dropped");
      try (Stream<Path> quarantined = Files.list(store.resolve("quarantine"))) {
        assertEquals(1, quarantined.count());
      }
    }
  }

  /**
   * Opens the damaged store and runs every command: reads are right or absent, stats, gc and
   * compact work, verify finds the damage (every flip changes the segment's manifest digest), and
   * after verify --repair and compact no damaged segment is reported and every read is still right
   * or absent.
   */
  private void checkEveryCommand(Path store, String what) {
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertReadsRightOrAbsent(opened, what);
      opened.stats();
      StoreMaintenance maintenance = new StoreMaintenance(opened);
      VerifyReport report = maintenance.verify();
      assertFalse(report.ok(), what + ": verify finds it");
      assertTrue(
          report.problems().stream().anyMatch(problem -> problem.startsWith("segment ")),
          what + ": " + report.problems());
      maintenance.gc(Duration.ZERO, true);
      VerifyReport repaired = maintenance.verify(true);
      assertFalse(repaired.repairs().isEmpty(), what);
      assertReadsRightOrAbsent(opened, what + ", repaired");
      maintenance.compact(10_000, false);
      VerifyReport after = maintenance.verify();
      assertTrue(
          after.problems().stream().noneMatch(problem -> problem.startsWith("segment ")),
          what + ": " + after.problems());
    }
    try (ParquetResultStore reopened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      assertReadsRightOrAbsent(reopened, what + ", reopened");
    }
  }

  private void assertReadsRightOrAbsent(ParquetResultStore store, String what) {
    for (Map.Entry<NodeId, Value> entry : expected.entrySet()) {
      store
          .get(entry.getKey())
          .ifPresent(
              found ->
                  assertAll(what, () -> SameValue.assertSame(entry.getValue(), found.value())));
    }
  }

  private static List<Path> segments(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("segments"))) {
      return files.sorted().toList();
    }
  }

  private static Path segmentHolding(Path store, NodeId id) throws IOException {
    byte[] hex = id.hex().getBytes(StandardCharsets.US_ASCII);
    for (Path segment : segments(store)) {
      if (indexOf(segment, hex) >= 0) {
        return segment;
      }
    }
    throw new AssertionError("no segment holds " + id);
  }

  /** Where {@code pattern} first occurs in {@code file}: Latin-1 maps each byte to one char. */
  private static long indexOf(Path file, byte[] pattern) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
        .indexOf(new String(pattern, StandardCharsets.ISO_8859_1));
  }

  private static byte[] littleEndian(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  static void flipBit(Path file, long offset, int bit) throws IOException {
    try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
      bytes.seek(offset);
      int b = bytes.read();
      bytes.seek(offset);
      bytes.write(b ^ (1 << bit));
    }
  }

  private static Path copyOf(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }
}
