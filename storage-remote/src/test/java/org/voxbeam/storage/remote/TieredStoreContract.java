package org.voxbeam.storage.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.RandomValues;
import org.voxbeam.storage.SameValue;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.maintenance.StoreMaintenance;

/**
 * What the tiered store promises on every backend, each run against a real server: every working
 * directory is separate, as on machines that share no disk, and the remote is all they share.
 */
abstract class TieredStoreContract {
  @TempDir Path dir;

  /** A store prefix of this test's own. */
  private final String prefix = "tiered/" + UUID.randomUUID();

  private static final StoreOptions OPTIONS = StoreOptions.defaults().withMissRelistMillis(1);

  /**
   * Batches of 20 random nested values in the round trip: every blob is a request to the server, so
   * the default stays at one ({@code -Dvoxbeam.remote.roundTripSeeds=N} for more).
   */
  private static final int SEEDS = Integer.getInteger("voxbeam.remote.roundTripSeeds", 1);

  /** A new connection to the store location {@code prefix} of the backend's server. */
  abstract RemoteLocation location(String prefix);

  private TieredStore open(String workDirectory) {
    return TieredStore.open(location(prefix), dir.resolve(workDirectory), OPTIONS);
  }

  @Test
  void everyValueKindRoundTripsThroughTheRemote() {
    List<StoredResult> stored = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      RandomValues values = new RandomValues(seed);
      List<StoredResult> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Value value = values.next(3);
        batch.add(result("v" + seed + "-" + i, value));
      }
      try (TieredStore writer = open("writer")) {
        writer.putAll(batch);
      }
      stored.addAll(batch);
    }
    try (TieredStore reader = open("reader")) {
      assertEquals(SEEDS, reader.pulledSegments());
      for (StoredResult expected : stored) {
        StoredResult actual =
            reader
                .get(expected.id())
                .orElseThrow(() -> new AssertionError("missing " + expected.id()));
        assertEquals(expected.metadata(), actual.metadata());
        SameValue.assertSame(expected.value(), actual.value());
      }
      assertTrue(reader.get(id("never stored")).isEmpty());
      assertTrue(new StoreMaintenance(reader.local()).verify().ok());
    }
  }

  @Test
  void aSecondStoreSeesTheFirstsCommitOnItsNextMiss() throws InterruptedException {
    try (TieredStore first = open("first");
        TieredStore second = open("second")) {
      assertFalse(second.contains(id("later")));
      first.put(result("later", new IntegerValue(42)));
      Thread.sleep(5);
      assertTrue(second.contains(id("later")));
      assertEquals(new IntegerValue(42), second.get(id("later")).orElseThrow().value());
      assertEquals(1, second.pulledSegments());
    }
  }

  @Test
  void twoWritersOfOneIdAgree() {
    Value image = new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2, 3, 4, 5}));
    try (TieredStore one = open("one");
        TieredStore two = open("two")) {
      one.put(result("same", image));
      two.put(result("same", image));
      assertEquals(1, one.publishedSegments());
      assertEquals(1, two.publishedSegments());
    }
    try (TieredStore reader = open("reader")) {
      assertEquals(2, reader.pulledSegments(), "each writer's segment");
      SameValue.assertSame(image, reader.get(id("same")).orElseThrow().value());
    }
  }

  @Test
  void aWriterThatDiesBeforeItsSegmentLeavesNothingVisible() throws IOException {
    Value bytes = new BytesValue(InMemoryBlob.copyOf(new byte[] {9, 8, 7}));
    RemoteLocation dying = new SegmentlessLocation(location(prefix));
    try (TieredStore writer = TieredStore.open(dying, dir.resolve("writer"), OPTIONS)) {
      StoreException refused =
          assertThrows(StoreException.class, () -> writer.put(result("orphan", bytes)));
      assertTrue(refused.getMessage().contains("could not be published"), refused.getMessage());
      assertTrue(writer.contains(id("orphan")), "committed locally all the same");
    }
    try (RemoteLocation location = location(prefix)) {
      assertEquals(1, location.list("blobs/").size(), "the blob went first");
      assertEquals(List.of(), location.list("segments/"));
    }
    try (TieredStore reader = open("reader")) {
      assertFalse(reader.contains(id("orphan")));
      assertTrue(reader.get(id("orphan")).isEmpty());
      // The writer's working directory publishes what it committed when it is opened again.
      try (TieredStore recovered = open("writer")) {
        assertEquals(1, recovered.publishedSegments());
      }
      reader.refresh();
      SameValue.assertSame(bytes, reader.get(id("orphan")).orElseThrow().value());
    }
  }

  @Test
  void aRemoteOfAnotherFormatIsRefused() throws IOException {
    Path marker =
        Files.writeString(
            dir.resolve("marker"), "{\"format\": \"voxbeam-result-store\", \"version\": 99}\n");
    try (RemoteLocation location = location(prefix)) {
      location.putIfAbsent("voxbeam-store.json", marker);
    }
    try (TieredStore seeded = open("seeded")) {
      throw new AssertionError("opened a store of version 99: " + seeded.describe());
    } catch (StoreException e) {
      assertTrue(e.getMessage().contains("99"), e.getMessage());
    }
    Path existing = dir.resolve("existing");
    org.voxbeam.storage.ParquetResultStore.open(existing, StoreOptions.defaults()).close();
    StoreException refused = assertThrows(StoreException.class, () -> open("existing"));
    assertTrue(refused.getMessage().contains("format marker"), refused.getMessage());
  }

  /**
   * Garbage collection removes the blob of a writer that died before its segment and a temporary
   * object left behind, once they are older than the grace period, and nothing a row refers to.
   */
  @Test
  void gcRemovesWhatNoRowRefersToOnceItIsOld() throws Exception {
    Value kept = new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2, 3}));
    try (TieredStore writer = open("writer")) {
      writer.put(result("kept", kept));
    }
    RemoteLocation dying = new SegmentlessLocation(location(prefix));
    try (TieredStore writer = TieredStore.open(dying, dir.resolve("dying"), OPTIONS)) {
      Value orphan = new BytesValue(InMemoryBlob.copyOf(new byte[] {4, 5, 6}));
      assertThrows(StoreException.class, () -> writer.put(result("orphan", orphan)));
    }
    Path scratch = dir.resolve("gc");
    try (RemoteLocation location = location(prefix)) {
      location.putIfAbsent("tmp/put-dead.tmp", Files.writeString(dir.resolve("part"), "part"));
      assertEquals(2, location.list("blobs/").size());
      GcReport young = RemoteGarbage.collect(location, scratch, Duration.ofHours(1), false);
      assertEquals(List.of(0L, 0L), List.of(young.blobsRemoved(), young.temporaryFilesRemoved()));
      Thread.sleep(20);
      GcReport dry = RemoteGarbage.collect(location, scratch, Duration.ZERO, true);
      assertEquals(List.of(1L, 1L), List.of(dry.blobsRemoved(), dry.temporaryFilesRemoved()));
      assertEquals(2, location.list("blobs/").size(), "a dry run removes nothing");
      GcReport collected = RemoteGarbage.collect(location, scratch, Duration.ZERO, false);
      assertEquals(
          List.of(1L, 1L), List.of(collected.blobsRemoved(), collected.temporaryFilesRemoved()));
      assertEquals(List.of(), collected.warnings());
      assertEquals(1, location.list("blobs/").size());
      assertEquals(List.of(), location.list("tmp/"));
    }
    try (TieredStore reader = open("reader")) {
      SameValue.assertSame(kept, reader.get(id("kept")).orElseThrow().value());
    }
  }

  /** The bucket, as a writer sees it that dies after its blobs and before its segment. */
  private record SegmentlessLocation(RemoteLocation location) implements RemoteLocation {
    @Override
    public List<RemoteObject> objects(String prefix) throws IOException {
      return location.objects(prefix);
    }

    @Override
    public void delete(String name) throws IOException {
      location.delete(name);
    }

    @Override
    public boolean read(String name, Path target) throws IOException {
      return location.read(name, target);
    }

    @Override
    public boolean putIfAbsent(String name, Path source) throws IOException {
      if (name.startsWith("segments/")) {
        throw new IOException("the writer died");
      }
      return location.putIfAbsent(name, source);
    }

    @Override
    public String describe() {
      return location.describe();
    }

    @Override
    public void close() {
      location.close();
    }
  }
}
