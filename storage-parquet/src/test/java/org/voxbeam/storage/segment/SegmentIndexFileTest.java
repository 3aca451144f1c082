package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.RandomValues;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoredValues;
import org.voxbeam.storage.blob.BlobStore;

/**
 * A segment's index file says what indexing the segment itself says, and is never used for a
 * segment it does not describe.
 */
class SegmentIndexFileTest {
  @TempDir Path dir;

  private StoreLayout layout;
  private List<Group> rows;
  private Path segment;

  private void commitSegment() {
    layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    RandomValues values = new RandomValues(21);
    rows = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      rows.addAll(codec.encode(StoredValues.result("r" + i, values.next(1))));
    }
    rows.addAll(
        codec.encode(
            StoredValues.result(
                "failed",
                new ErrorValue("boom", StoredValues.id("failed"), "test.op", Optional.empty()))));
    rows.addAll(
        codec.encode(
            StoredValues.result("blob", new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2})))));
    segment = SegmentFiles.commit(layout, rows).path();
  }

  @Test
  void recordsEachRowAsTheSegmentsIndexColumnsDo() throws IOException {
    commitSegment();
    SegmentIndexFile.Rows indexed = SegmentIndexFile.read(layout, segment).orElseThrow();
    SegmentFiles.Read read = SegmentFiles.read(segment, SegmentSchema.INDEX_PROJECTION, true);
    assertEquals(read.rows().size(), indexed.size());
    boolean sawFailure = false;
    boolean sawBlob = false;
    for (int i = 0; i < indexed.size(); i++) {
      Group row = read.rows().get(i);
      assertEquals(row.getString(SegmentSchema.NODE_ID, 0), indexed.id(i).hex(), "id " + i);
      assertEquals(
          RowCodec.status(row) == org.voxbeam.kernel.store.ResultStatus.FAILED,
          indexed.failed(i),
          "status " + i);
      assertEquals(RowCodec.hasBlob(row), indexed.hasBlob(i), "blob " + i);
      assertEquals(row.getLong(SegmentSchema.CREATED_AT, 0), indexed.createdAt()[i], "time " + i);
      sawFailure |= indexed.failed(i);
      sawBlob |= indexed.hasBlob(i);
    }
    assertTrue(sawFailure && sawBlob, "the segment holds a failure and a blob");
    PageMap pages = read.pages().orElseThrow();
    assertEquals(SegmentColumns.ALL, indexed.pages().columns());
    int[] all = java.util.stream.IntStream.range(0, rows.size()).toArray();
    assertEquals(
        RowReader.read(segment, pages, all).toString(),
        RowReader.read(segment, indexed.pages(), all).toString());
  }

  @Test
  void aNarrowSegmentsIndexFileNamesItsColumns() throws IOException {
    layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Value value =
          i % 10 == 0
              ? new SequenceValue(List.of(new IntegerValue(i), new IntegerValue(i + 1)))
              : new NumberValue(i);
      rows.addAll(codec.encode(StoredValues.result("n" + i, value)));
    }
    segment = SegmentFiles.commit(layout, rows).path();
    SegmentIndexFile.Rows indexed = SegmentIndexFile.read(layout, segment).orElseThrow();
    assertEquals(SegmentColumns.NARROW_ITEMS, indexed.pages().columns());
    assertEquals(rows.size(), indexed.size());
    int[] all = java.util.stream.IntStream.range(0, rows.size()).toArray();
    List<Group> read = RowReader.read(segment, indexed.pages(), all);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).toString(), read.get(i).toString(), "row " + i);
      assertEquals(rows.get(i).getString(SegmentSchema.NODE_ID, 0), indexed.id(i).hex(), "id " + i);
    }
  }

  @Test
  void aSegmentTouchedSinceOrADamagedIndexFileIsNotUsed() throws IOException {
    commitSegment();
    Path file = layout.manifest().resolve(segment.getFileName() + ".index");
    byte[] good = Files.readAllBytes(file);

    FileTime written = Files.getLastModifiedTime(segment);
    Files.setLastModifiedTime(segment, FileTime.fromMillis(written.toMillis() + 5_000));
    assertFalse(SegmentIndexFile.read(layout, segment).isPresent(), "segment rewritten");
    Files.setLastModifiedTime(segment, written);
    assertTrue(SegmentIndexFile.read(layout, segment).isPresent(), "the same segment again");

    for (int at : new int[] {0, 13, good.length / 2, good.length - 1}) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x10;
      Files.write(file, flipped);
      assertFalse(SegmentIndexFile.read(layout, segment).isPresent(), "flipped byte " + at);
    }
    Files.write(file, Arrays.copyOf(good, good.length - 9));
    assertFalse(SegmentIndexFile.read(layout, segment).isPresent(), "cut short");
    Files.write(file, new byte[0]);
    assertFalse(SegmentIndexFile.read(layout, segment).isPresent(), "empty");
  }

  @Test
  void removingASegmentsManifestEntryRemovesItsIndexFile() throws IOException {
    commitSegment();
    Path file = layout.manifest().resolve(segment.getFileName() + ".index");
    assertTrue(Files.exists(file));
    assertEquals(1, SegmentManifest.entries(layout).size(), "the index file is no manifest entry");
    SegmentManifest.remove(layout, segment.getFileName().toString());
    assertFalse(Files.exists(file));
    assertFalse(SegmentIndexFile.read(layout, segment).isPresent());
  }
}
