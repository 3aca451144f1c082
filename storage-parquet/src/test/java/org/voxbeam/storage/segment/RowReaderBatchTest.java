package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.storage.RandomValues;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoredValues;
import org.voxbeam.storage.blob.BlobStore;

/** Reading several rows in one pass gives exactly the rows that reading each alone gives. */
class RowReaderBatchTest {
  @TempDir Path dir;

  @Test
  void anySubsetOfRowsReadsAsEachRowAlone() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    RandomValues values = new RandomValues(14);
    List<Group> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.addAll(codec.encode(StoredValues.result("r" + i, values.next(3))));
    }
    Path segment = SegmentFiles.write(layout, rows);
    PageMap pages = SegmentFiles.read(segment, SegmentSchema.RESULT, true).pages().orElseThrow();
    Random random = new Random(14);
    List<int[]> subsets = new ArrayList<>();
    subsets.add(IntStream.range(0, rows.size()).toArray());
    subsets.add(new int[] {rows.size() - 1});
    // The last row pages ahead of the one before it: Parquet's reader once ended early there.
    subsets.add(new int[] {0, rows.size() - 1});
    subsets.add(IntStream.range(0, rows.size()).filter(r -> r % 50 == 7).toArray());
    for (int trial = 0; trial < 6; trial++) {
      double keep = random.nextDouble();
      subsets.add(
          IntStream.range(0, rows.size()).filter(r -> random.nextDouble() < keep).toArray());
    }
    for (int[] subset : subsets) {
      List<Group> read = RowReader.read(segment, pages, subset);
      assertEquals(subset.length, read.size());
      for (int i = 0; i < subset.length; i++) {
        Group alone = RowReader.read(segment, pages, subset[i]);
        int row = subset[i];
        assertEquals(alone.toString(), read.get(i).toString(), () -> "row " + row);
      }
    }
  }

  @Test
  void rowsOutOfOrderAreRefused() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    List<Group> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.addAll(codec.encode(StoredValues.result("r" + i, new RandomValues(i).next(1))));
    }
    Path segment = SegmentFiles.write(layout, rows);
    PageMap pages = SegmentFiles.read(segment, SegmentSchema.RESULT, true).pages().orElseThrow();
    assertThrows(IOException.class, () -> RowReader.read(segment, pages, new int[] {1, 0}));
    assertThrows(IOException.class, () -> RowReader.read(segment, pages, new int[] {0, 0}));
  }
}
