package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoredValues;
import org.voxbeam.storage.blob.BlobStore;

/**
 * Rows encoded by threads at once can be read by all of them at once: whatever the codec shares
 * between rows (the status values) must not change when read, as Parquet's writers read every value
 * of a column for its statistics.
 */
class RowCodecThreadsTest {
  @TempDir Path dir;

  @Test
  void rowsEncodedAtOnceReadTheirStatusAtOnce() throws Exception {
    RowCodec codec = new RowCodec(new BlobStore(new StoreLayout(dir)));
    byte[] succeeded = "succeeded".getBytes(StandardCharsets.UTF_8);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 50_000; i++) {
                    List<Group> rows =
                        codec.encode(
                            StoredValues.result("t" + thread + "-" + i, new IntegerValue(i)));
                    byte[] status = rows.get(0).getBinary(SegmentSchema.STATUS, 0).getBytes();
                    assertArrayEquals(succeeded, status, "row " + i + " of thread " + thread);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
