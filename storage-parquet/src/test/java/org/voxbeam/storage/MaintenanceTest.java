package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.storage.maintenance.CompactReport;
import org.voxbeam.storage.maintenance.EvictReport;
import org.voxbeam.storage.maintenance.EvictionPolicy;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.maintenance.VerifyReport;

class MaintenanceTest {
  @TempDir Path dir;

  private static StoredResult blob(String name, int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 7 + name.length());
    }
    return result(name, new BytesValue(InMemoryBlob.copyOf(bytes)));
  }

  private static void age(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
      }
    }
  }

  private static Path onlyBlobFile(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("blobs"))) {
      return files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
  }

  @Test
  void verifyReportsAFlippedByteAndTheResultIsNeverServedAgain() throws IOException {
    StoredResult stored = blob("image", 10_000);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.put(stored);
      assertTrue(new StoreMaintenance(store).verify().ok());
    }
    Path file = onlyBlobFile(dir);
    byte[] bytes = Files.readAllBytes(file);
    bytes[1234] ^= 0x01;
    Files.write(file, bytes);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      VerifyReport report = new StoreMaintenance(store).verify();
      assertFalse(report.ok());
      assertTrue(report.problems().get(0).contains("corrupt"), report.problems().toString());
      assertFalse(store.contains(stored.id()), "a corrupt result reads as missing");
      assertTrue(store.get(stored.id()).isEmpty());
      store.put(stored);
      assertTrue(store.contains(stored.id()), "recomputing it stores a good copy");
      SameValue.assertSame(stored.value(), store.get(stored.id()).orElseThrow().value());
    }
  }

  @Test
  void verifyOnReadCatchesCorruptionWithoutAVerifyRun() throws IOException {
    StoredResult stored = blob("volume", 5_000);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.put(stored);
    }
    Path file = onlyBlobFile(dir);
    byte[] bytes = Files.readAllBytes(file);
    bytes[0] ^= 0x40;
    Files.write(file, bytes);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      assertTrue(store.get(stored.id()).isEmpty());
      assertFalse(store.contains(stored.id()));
    }
  }

  @Test
  void gcRemovesUnreferencedBlobsAndLeftoversButNeverLiveBlobs() throws IOException {
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.put(blob("kept", 3_000));
    }
    Path orphan = dir.resolve("blobs/sha256/00/" + "1".repeat(62));
    Files.createDirectories(orphan.getParent());
    Files.write(orphan, new byte[100]);
    Files.write(dir.resolve("tmp/segment-leftover.tmp"), new byte[50]);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      StoreMaintenance maintenance = new StoreMaintenance(store);
      assertEquals(
          0,
          maintenance.gc(StoreMaintenance.DEFAULT_GRACE, false).blobsRemoved(),
          "young files are spared");
      age(dir);
      GcReport dry = maintenance.gc(StoreMaintenance.DEFAULT_GRACE, true);
      assertEquals(1, dry.blobsRemoved());
      assertEquals(1, dry.temporaryFilesRemoved());
      assertTrue(Files.exists(orphan), "a dry run changes nothing");
      GcReport real = maintenance.gc(StoreMaintenance.DEFAULT_GRACE, false);
      assertEquals(150, real.bytesFreed());
      assertFalse(Files.exists(orphan));
      assertTrue(store.contains(id("kept")));
      assertTrue(maintenance.verify().ok());
    }
  }

  @Test
  void compactMergesSmallSegmentsAndKeepsEveryResult() {
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      for (int i = 0; i < 10; i++) {
        store.put(result("r" + i, new NumberValue(i)));
      }
      store.put(result("r0", new NumberValue(0)));
      StoreMaintenance maintenance = new StoreMaintenance(store);
      assertEquals(10, maintenance.compact(1000, true).segmentsMerged());
      assertEquals(10, store.segmentFiles().size());
      CompactReport report = maintenance.compact(1000, false);
      assertEquals(10, report.rowsKept());
      assertEquals(1, store.segmentFiles().size());
      for (int i = 0; i < 10; i++) {
        assertEquals(new NumberValue(i), store.get(id("r" + i)).orElseThrow().value());
      }
    }
  }

  @Test
  void evictionByAgeAndSizeRemovesRowsThenUnreferencedBlobs() throws IOException {
    ResultMetadata old =
        new ResultMetadata("op", Duration.ZERO, Instant.now().minus(Duration.ofDays(30)), "test");
    StoredResult ancient =
        new StoredResult(
            id("ancient"),
            new SequenceValue(List.of(new SequenceValue(List.of(new NumberValue(1))))),
            old);
    ResultMetadata recent = new ResultMetadata("op", Duration.ZERO, Instant.now(), "test");
    StoredResult big = new StoredResult(id("big"), blob("big", 50_000).value(), recent);
    StoredResult small = new StoredResult(id("small"), new NumberValue(2), recent);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(List.of(ancient, big, small));
      StoreMaintenance maintenance = new StoreMaintenance(store);
      EvictionPolicy byAge =
          new EvictionPolicy(
              Optional.of(Duration.ofDays(7)), EvictionPolicy.Basis.CREATED, OptionalLong.empty());
      EvictReport dry = maintenance.evict(byAge, StoreMaintenance.DEFAULT_GRACE, true);
      assertEquals(2, dry.resultsEvicted(), "the sequence and its item");
      assertTrue(store.contains(ancient.id()));
      maintenance.evict(byAge, StoreMaintenance.DEFAULT_GRACE, false);
      assertFalse(store.contains(ancient.id()));
      assertTrue(store.contains(big.id()));
      assertTrue(maintenance.verify().ok());

      EvictionPolicy bySize =
          new EvictionPolicy(
              Optional.empty(), EvictionPolicy.Basis.LAST_ACCESS, OptionalLong.of(20_000));
      maintenance.evict(bySize, StoreMaintenance.DEFAULT_GRACE, false);
      assertTrue(store.stats().results() < 2, "oldest results go until the store fits");
      age(dir);
      assertEquals(
          1,
          maintenance.gc(StoreMaintenance.DEFAULT_GRACE, false).blobsRemoved(),
          "the evicted result's blob is now unreferenced");
      assertTrue(maintenance.verify().ok());
    }
  }
}
