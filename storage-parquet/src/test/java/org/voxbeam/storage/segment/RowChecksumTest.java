package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.storage.RandomValues;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoredValues;
import org.voxbeam.storage.blob.BlobStore;
import org.voxbeam.testkit.Campaign;

/**
 * Row checksums survive a round trip through a segment, and change with any column: one random
 * segment in the everyday build, two more in the campaign.
 */
class RowChecksumTest {
  @TempDir Path dir;

  @Test
  void everyRowOfRandomValuesReadsBackWithAMatchingChecksum() throws Exception {
    roundTrip(0);
  }

  @Campaign
  @Test
  void everyRowOfMoreRandomValuesReadsBackWithAMatchingChecksum() throws Exception {
    roundTrip(1);
    roundTrip(2);
  }

  private void roundTrip(long seed) throws Exception {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    RandomValues values = new RandomValues(seed);
    List<Group> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.addAll(codec.encode(StoredValues.result("r" + i, values.next(3))));
    }
    Path segment = SegmentFiles.write(layout, rows);
    SegmentFiles.Read read = SegmentFiles.read(segment, SegmentSchema.RESULT, true);
    assertEquals(rows.size(), read.rows().size());
    for (int i = 0; i < rows.size(); i++) {
      Group written = rows.get(i);
      Group back = read.rows().get(i);
      assertTrue(RowChecksum.present(back));
      assertEquals(
          RowChecksum.stored(back),
          RowChecksum.of(back),
          () -> "written " + written + "\nread " + back);
      Group one = RowReader.read(segment, read.pages().orElseThrow(), i);
      assertEquals(
          RowChecksum.stored(one), RowChecksum.of(one), () -> "whole " + back + "\none " + one);
    }
    assertTrue(SegmentFiles.matchesRecordedChecksum(read));
  }

  @Test
  void aChangedNumberChangesTheChecksum() {
    RowCodec codec = new RowCodec(new BlobStore(new StoreLayout(dir)));
    Group row = codec.encode(StoredValues.result("n", new NumberValue(4710.0))).get(0);
    Group other = codec.encode(StoredValues.result("n", new NumberValue(4711.0))).get(0);
    assertNotEquals(RowChecksum.of(row), RowChecksum.of(other));
  }
}
