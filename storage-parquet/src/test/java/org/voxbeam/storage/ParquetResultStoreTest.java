package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.later;
import static org.voxbeam.storage.StoredValues.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.storage.blob.FileBlob;

class ParquetResultStoreTest {
  @TempDir Path dir;

  private ParquetResultStore open() {
    return ParquetResultStore.open(dir.resolve("store"), StoreOptions.defaults());
  }

  @Test
  void concurrentFirstCommitsRecreateMissingDirectories() throws Exception {
    try (ParquetResultStore store = open()) {
      Files.deleteIfExists(store.layout().tmp());
      Files.deleteIfExists(store.layout().segments());
      List<Thread> writers = new java.util.ArrayList<>();
      List<Throwable> failures =
          java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      for (int t = 0; t < 4; t++) {
        StoredResult result = result("first-" + t, new IntegerValue(t));
        Thread writer = new Thread(() -> store.putAll(List.of(result)));
        writer.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
        writers.add(writer);
      }
      writers.forEach(Thread::start);
      for (Thread writer : writers) {
        writer.join();
      }
      assertEquals(List.of(), failures);
      for (int t = 0; t < 4; t++) {
        assertEquals(new IntegerValue(t), store.get(id("first-" + t)).orElseThrow().value());
      }
    }
  }

  @Test
  void resultsSurviveReopening() {
    StoredResult number = result("n", new NumberValue(32.0));
    StoredResult sequence =
        result(
            "s",
            new SequenceValue(
                List.of(new IntegerValue(5), new StringValue("x"), SequenceValue.EMPTY)));
    StoredResult mapping =
        result(
            "m",
            new MappingValue(
                Map.of(
                    "volume",
                    new NumberValue(12.5),
                    "tags",
                    new SequenceValue(List.of(BooleanValue.TRUE)))));
    try (ParquetResultStore store = open()) {
      store.putAll(List.of(number, sequence, mapping));
      assertEquals(Optional.of(number), store.get(number.id()));
    }
    try (ParquetResultStore store = open()) {
      assertEquals(number, store.get(number.id()).orElseThrow());
      assertEquals(sequence, store.get(sequence.id()).orElseThrow());
      assertEquals(mapping, store.get(mapping.id()).orElseThrow());
      assertEquals(
          Set.of(number.id(), sequence.id()),
          store.containsAll(List.of(number.id(), sequence.id(), id("absent"))));
      assertTrue(store.get(id("absent")).isEmpty());
    }
  }

  @Test
  void writtenPayloadsAreReadBackFromDiskNotPinnedOnTheHeap() {
    try (ParquetResultStore store =
        ParquetResultStore.open(dir.resolve("store"), StoreOptions.defaults())) {
      StoredResult bytes =
          result("payload", new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2, 3})));
      store.putAll(List.of(bytes));
      BytesValue read = (BytesValue) store.get(bytes.id()).orElseThrow().value();
      assertTrue(
          read.data() instanceof FileBlob, "the written heap copy was cached: " + read.data());
    }
  }

  @Test
  void newestSuccessWinsASuccessReplacesAFailureAndARepeatWritesNothing() {
    StoredResult failure = result("x", new ErrorValue("boom", id("x"), "vox1./", Optional.empty()));
    StoredResult success = result("x", new NumberValue(1.0));
    StoredResult recomputed = later(result("x", new NumberValue(2.0)), 5);
    StoredResult laterFailure = later(failure, 10);
    try (ParquetResultStore store = open()) {
      store.put(failure);
      assertFalse(store.contains(id("x")));
      assertEquals(failure, store.get(id("x")).orElseThrow());
      store.put(success);
      assertEquals(success, store.get(id("x")).orElseThrow(), "a success replaces a failure");
      int segments = store.segmentFiles().size();
      store.put(success);
      assertEquals(segments, store.segmentFiles().size(), "the same success again writes nothing");
      store.put(recomputed);
      assertEquals(
          recomputed, store.get(id("x")).orElseThrow(), "a newer success supersedes the older");
      store.put(laterFailure);
      assertEquals(
          recomputed, store.get(id("x")).orElseThrow(), "a failure never replaces a success");
    }
    try (ParquetResultStore store = open()) {
      assertEquals(
          recomputed,
          store.get(id("x")).orElseThrow(),
          "the newest success wins when indexing too");
      assertEquals(1, store.stats().succeeded());
      assertEquals(0, store.stats().failed());
    }
  }

  @Test
  void errorsKeepTheirCauseChain() {
    ErrorValue root = new ErrorValue("float division by zero", id("a"), "vox1./", Optional.empty());
    ErrorValue dependent = new ErrorValue("input failed", id("b"), "vox1.+", Optional.of(root));
    try (ParquetResultStore store = open()) {
      store.put(result("b", dependent));
    }
    try (ParquetResultStore store = open()) {
      assertEquals(dependent, store.get(id("b")).orElseThrow().value());
    }
  }

  @Test
  void refusesADirectoryThatIsNotAStore() throws IOException {
    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThrows(
        StoreException.class, () -> ParquetResultStore.open(foreign, StoreOptions.defaults()));
    Path future = Files.createDirectories(dir.resolve("future"));
    Files.writeString(
        future.resolve(StoreLayout.MARKER_FILE),
        "{\"format\": \"voxbeam-result-store\", \"version\": 99}");
    StoreException e =
        assertThrows(
            StoreException.class, () -> ParquetResultStore.open(future, StoreOptions.defaults()));
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
  }
}
