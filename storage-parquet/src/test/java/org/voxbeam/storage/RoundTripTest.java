package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.result;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.testkit.Campaign;

/**
 * Every value type, nested at random, comes back exactly as it was put, after reopening: four
 * batches of 40 values in the everyday build, eight more in the campaign.
 */
class RoundTripTest {
  @TempDir Path dir;

  @Test
  void randomNestedValuesRoundTripExactly() {
    roundTrip(0, 4);
  }

  @Campaign
  @Test
  void moreRandomNestedValuesRoundTripExactly() {
    roundTrip(4, 12);
  }

  private void roundTrip(long firstSeed, long endSeed) {
    List<StoredResult> stored = new ArrayList<>();
    for (long seed = firstSeed; seed < endSeed; seed++) {
      RandomValues values = new RandomValues(seed);
      List<StoredResult> batch = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Value value = values.next(3);
        batch.add(result("v" + seed + "-" + i, value));
      }
      try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
        store.putAll(batch);
      }
      stored.addAll(batch);
    }
    try (ParquetResultStore store =
        ParquetResultStore.open(dir, StoreOptions.defaults().withCacheBytes(0))) {
      for (StoredResult expected : stored) {
        StoredResult actual =
            store
                .get(expected.id())
                .orElseThrow(() -> new AssertionError("missing " + expected.id()));
        assertEquals(expected.metadata(), actual.metadata());
        SameValue.assertSame(expected.value(), actual.value());
      }
      assertEquals(true, store.get(id("never stored")).isEmpty());
    }
  }
}
