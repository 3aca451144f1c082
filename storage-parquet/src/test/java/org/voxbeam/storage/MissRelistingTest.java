package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.result;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.NumberValue;

/**
 * A lookup of an unknown id lists the segments directory again, so commits of other processes (here
 * another instance on the same directory) are found without reopening; with {@link
 * StoreOptions#missRelistMillis} set, a miss lists it at most once per interval, and an explicit
 * refresh always does.
 */
class MissRelistingTest {
  @TempDir Path dir;

  @Test
  void byDefaultAMissFindsAnotherInstancesCommit() {
    try (ParquetResultStore reader = ParquetResultStore.open(dir, StoreOptions.defaults());
        ParquetResultStore writer = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      reader.refresh();
      assertFalse(reader.contains(id("x")));
      writer.putAll(List.of(result("x", new NumberValue(1.0))));
      assertEquals(new NumberValue(1.0), reader.get(id("x")).orElseThrow().value());
    }
  }

  @Test
  void withAnIntervalAMissWaitsForARefresh() {
    StoreOptions relistRarely = StoreOptions.defaults().withMissRelistMillis(600_000);
    try (ParquetResultStore reader = ParquetResultStore.open(dir, relistRarely);
        ParquetResultStore writer = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      reader.refresh();
      writer.putAll(List.of(result("x", new NumberValue(1.0)), result("y", new NumberValue(2.0))));
      assertTrue(reader.get(id("x")).isEmpty(), "get of an unknown id lists nothing");
      assertFalse(reader.contains(id("x")), "nor does contains");
      assertEquals(Set.of(), reader.containsAll(List.of(id("x"), id("y"))), "nor containsAll");

      reader.refresh();
      assertEquals(new NumberValue(1.0), reader.get(id("x")).orElseThrow().value());
      assertEquals(Set.of(id("x"), id("y")), reader.containsAll(List.of(id("x"), id("y"))));
    }
  }

  @Test
  void ownCommitsAreFoundWithoutAListing() {
    StoreOptions relistRarely = StoreOptions.defaults().withMissRelistMillis(600_000);
    try (ParquetResultStore store = ParquetResultStore.open(dir, relistRarely)) {
      store.refresh();
      assertFalse(store.contains(id("x")));
      store.putAll(List.of(result("x", new NumberValue(1.0))));
      assertTrue(store.contains(id("x")));
      assertEquals(new NumberValue(1.0), store.get(id("x")).orElseThrow().value());
    }
  }
}
