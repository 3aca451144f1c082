package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.result;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.storage.maintenance.StoreMaintenance;

/**
 * Merging segments keeps what each row recorded of its inputs: a result that depends on no file
 * still says so (an empty list, not an unknown), which is what lets a server with data roots serve
 * it.
 */
class CompactionKeepsInputsTest {
  @TempDir Path dir;

  @Test
  void aResultThatReadNoFileStillSaysSoAfterSmallSegmentsAreMerged() {
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      for (int i = 0; i < 4; i++) {
        store.putAll(List.of(result("merged-" + i, new NumberValue(i))));
      }
      assertEquals(4, new StoreMaintenance(store).compactSmall(1 << 20, 2).segmentsMerged());
    }
    try (ParquetResultStore store =
        ParquetResultStore.open(dir, StoreOptions.defaults().withCacheBytes(0))) {
      for (int i = 0; i < 4; i++) {
        StoredResult read = store.get(id("merged-" + i)).orElseThrow();
        assertTrue(read.metadata().inputs().known(), "inputs known after the merge");
        assertEquals(RecordedInputs.NONE, read.metadata().inputs());
      }
    }
  }
}
