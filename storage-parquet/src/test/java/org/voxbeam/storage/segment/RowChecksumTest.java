package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
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

  /**
   * The checksums of a fixed result's rows are the ones format 3 defines, so that a store written
   * by one version reads as intact in another: these values are what its first implementation
   * computed.
   */
  @Test
  void checksumsAreTheFormatsOwn() {
    RowCodec codec = new RowCodec(new BlobStore(new StoreLayout(dir)));
    Map<String, Value> entries = new LinkedHashMap<>();
    entries.put("count", new IntegerValue(-7));
    entries.put("name", new StringValue("ça va"));
    entries.put("ok", BooleanValue.of(true));
    entries.put("nan", new NumberValue(Double.NaN));
    entries.put("items", new SequenceValue(List.of(new NumberValue(0.5), NullValue.INSTANCE)));
    RecordedInputs inputs =
        RecordedInputs.of(
            List.of(
                new RecordedInput(
                    RecordedInput.Kind.FILE,
                    "/data/a.nii",
                    Optional.of("ab".repeat(32)),
                    Optional.of(
                        new RecordedInput.FileStat(12, 1_700_000_000_123_456_789L, "(2,3)")))));
    StoredResult result =
        new StoredResult(
            StoredValues.id("pinned"),
            new MappingValue(entries),
            new ResultMetadata(
                "test.op",
                Duration.ofMillis(3),
                Instant.ofEpochMilli(1_700_000_000_000L),
                "test",
                Optional.of("run-1"),
                inputs));
    List<Long> checksums = codec.encode(result).stream().map(RowChecksum::of).toList();
    // The mapping's row has the checksum it had in version 4; its sequence of scalars is one row
    // since version 5 (in version 4: a row and one per item, 3_723_586_503, 853_975_807 and
    // 246_156_734).
    assertEquals(List.of(38_661_196L, 3_877_453_556L), checksums);
  }

  @Test
  void aChangedNumberChangesTheChecksum() {
    RowCodec codec = new RowCodec(new BlobStore(new StoreLayout(dir)));
    Group row = codec.encode(StoredValues.result("n", new NumberValue(4710.0))).get(0);
    Group other = codec.encode(StoredValues.result("n", new NumberValue(4711.0))).get(0);
    assertNotEquals(RowChecksum.of(row), RowChecksum.of(other));
  }
}
