package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.storage.blob.BlobStore;
import org.voxbeam.storage.segment.RowCodec;
import org.voxbeam.storage.segment.RowReader;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * Rows read one at a time through a segment's page map equal the rows of a whole-file read, and
 * segments laid out otherwise — as earlier versions wrote them (one page per column, dictionaries
 * everywhere), or in several row groups as another tool may — are read back exactly too.
 */
class SegmentLayoutsTest {
  @TempDir Path dir;

  @Test
  void everyRowReadAloneEqualsTheWholeFileRead() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    List<Group> rows = new ArrayList<>();
    List<NodeId> ids = new ArrayList<>();
    RandomValues values = new RandomValues(7);
    for (int i = 0; rows.size() < 1_500; i++) {
      codec.encode(result("row-" + i, values.next(3)), rows, ids);
    }
    SegmentFiles.Written written = SegmentFiles.commit(layout, rows);
    assertTrue(written.pages().isPresent(), "a segment this store writes is page-mapped");
    List<Group> whole = SegmentFiles.read(written.path(), SegmentSchema.RESULT);
    assertEquals(rows.size(), whole.size());
    for (int i = 0; i < whole.size(); i++) {
      Group alone = RowReader.read(written.path(), written.pages().get(), i);
      assertEquals(whole.get(i).toString(), alone.toString(), "row " + i);
      assertEquals(ids.get(i).hex(), alone.getString(SegmentSchema.NODE_ID, 0));
    }
  }

  @Test
  void segmentsOfEarlierLayoutsReadBackExactly() throws IOException {
    List<StoredResult> stored = new ArrayList<>();
    RandomValues values = new RandomValues(11);
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      RowCodec codec = new RowCodec(store.blobs());
      for (int layoutKind = 0; layoutKind < 2; layoutKind++) {
        List<Group> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
          StoredResult result = result("layout-" + layoutKind + "-" + i, values.next(1));
          rows.addAll(codec.encode(result));
          stored.add(result);
        }
        Path file =
            store
                .layout()
                .segments()
                .resolve("seg-0000000000000-000000000000000" + layoutKind + ".parquet");
        writeWithDefaults(file, rows, layoutKind == 1);
        boolean mapped =
            SegmentFiles.read(file, SegmentSchema.INDEX_PROJECTION, true).pages().isPresent();
        assertEquals(
            layoutKind == 0, mapped, "one row group is page-mapped, several are read whole");
      }
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
    }
  }

  /**
   * Writes rows as format version 1 was first written: Parquet's default pages and dictionaries;
   * with {@code manyRowGroups}, a row group every ten rows.
   */
  private static void writeWithDefaults(Path file, List<Group> rows, boolean manyRowGroups)
      throws IOException {
    Files.createDirectories(file.getParent());
    ExampleParquetWriter.Builder builder =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(SegmentSchema.RESULT)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED);
    if (manyRowGroups) {
      builder = builder.withRowGroupSize(1L).withMinRowCountForPageSizeCheck(10);
    }
    try (ParquetWriter<Group> writer = builder.build()) {
      for (Group row : rows) {
        writer.write(row);
      }
    }
  }
}
