package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInput.FileStat;
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

/**
 * Rows put together by {@link RowAssembly} equal the rows Parquet's own record reader assembles
 * from the same segment, for every shape a field takes: absent, empty and repeated lists, list
 * elements whose optional fields are set or not, recorded inputs known, none or unknown; and that
 * rows of a segment of scalars and sequences ({@link SegmentSchema#NARROW}) read as the rows that
 * were written.
 */
class RowAssemblyTest {
  @TempDir Path dir;

  @Test
  void everyShapeOfRowReadsAsParquetsRecordReaderReadsIt() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    RandomValues values = new RandomValues(21);
    List<Group> rows = new ArrayList<>();
    List<NodeId> ids = new ArrayList<>();
    for (int i = 0; rows.size() < 400; i++) {
      Value value =
          switch (i % 4) {
            case 0 -> new SequenceValue(List.of());
            case 1 -> new MappingValue(Map.of());
            case 2 -> new NumberValue(i);
            default -> values.next(2);
          };
      codec.encode(withInputs(StoredValues.result("shape-" + i, value), i), rows, ids);
    }
    SegmentFiles.Written written = SegmentFiles.commit(layout, rows);
    List<Group> whole = SegmentFiles.read(written.path(), SegmentSchema.RESULT);
    PageMap pages = written.pages().orElseThrow();
    List<Group> all =
        RowReader.read(written.path(), pages, IntStream.range(0, rows.size()).toArray());
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.get(i).toString(), all.get(i).toString(), "row " + i);
      assertEquals(
          whole.get(i).toString(), RowReader.read(written.path(), pages, i).toString(), "row " + i);
      assertEquals(RowChecksum.stored(whole.get(i)), RowChecksum.of(all.get(i)), "row " + i);
    }
    int[] sparse = {0, 3, 4, 63, 64, 65, 127, 200, 201, 399};
    List<Group> some = RowReader.read(written.path(), pages, sparse);
    for (int i = 0; i < sparse.length; i++) {
      assertEquals(whole.get(sparse[i]).toString(), some.get(i).toString(), "row " + sparse[i]);
    }
  }

  @Test
  void rowsOfANarrowSegmentReadAsRowsOfEveryColumn() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    List<Group> rows = new ArrayList<>();
    List<NodeId> ids = new ArrayList<>();
    for (int i = 0; rows.size() < 300; i++) {
      Value value =
          switch (i % 6) {
            case 0 -> NullValue.INSTANCE;
            case 1 -> BooleanValue.of(i % 3 == 0);
            case 2 -> new IntegerValue(i);
            case 3 -> new NumberValue(i / 7.0);
            case 4 -> new SequenceValue(List.of(new IntegerValue(i), new StringValue("of " + i)));
            default -> new StringValue("item " + i);
          };
      codec.encode(withInputs(StoredValues.result("scalar-" + i, value), i), rows, ids);
    }
    SegmentFiles.Written written = SegmentFiles.commit(layout, rows);
    assertEquals(SegmentSchema.NARROW_ITEMS, SegmentFiles.schemaOf(written.path()));
    List<Group> whole = SegmentFiles.read(written.path(), SegmentSchema.RESULT);
    PageMap pages = written.pages().orElseThrow();
    List<Group> all =
        RowReader.read(written.path(), pages, IntStream.range(0, rows.size()).toArray());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(SegmentSchema.RESULT, all.get(i).getType(), "row " + i);
      assertEquals(rows.get(i).toString(), whole.get(i).toString(), "row " + i);
      assertEquals(rows.get(i).toString(), all.get(i).toString(), "row " + i);
      assertEquals(RowChecksum.stored(rows.get(i)), RowChecksum.of(all.get(i)), "row " + i);
      assertEquals(RowChecksum.stored(rows.get(i)), RowChecksum.of(whole.get(i)), "row " + i);
    }
  }

  @Test
  void aDamagedPageNeverReadsAsAnIntactRow() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    List<Group> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.addAll(
          codec.encode(withInputs(StoredValues.result("cut-" + i, new StringValue("v")), 3)));
    }
    SegmentFiles.Written written = SegmentFiles.commit(layout, rows);
    PageMap pages = written.pages().orElseThrow();
    int column = 0;
    while (!String.join(".", pages.columns().descriptor(column).getPath())
        .equals("inputs.list.element.file_key")) {
      column++;
    }
    long pageStart = pages.offset(pages.page(column, 0));
    int pageSize = pages.size(pages.page(column, 0));
    byte[] bytes = Files.readAllBytes(written.path());
    for (int b = (int) pageStart + pageSize - 8; b < pageStart + pageSize; b++) {
      bytes[b] = (byte) 0xff;
    }
    Files.write(written.path(), bytes, StandardOpenOption.TRUNCATE_EXISTING);
    assertThrows(
        IOException.class,
        () -> {
          Group read = RowReader.read(written.path(), pages, 0);
          if (RowChecksum.intact(read)) {
            throw new AssertionError("a damaged page read as an intact row: " + read);
          }
          throw new IOException("the damaged row's checksum does not match");
        });
  }

  /** {@code result} with recorded inputs of the kind {@code i} selects. */
  private static StoredResult withInputs(StoredResult result, int i) {
    RecordedInputs inputs =
        switch (i % 5) {
          case 0 -> RecordedInputs.UNKNOWN;
          case 1 -> RecordedInputs.NONE;
          case 2 -> RecordedInputs.of(List.of(RecordedInput.item("ab".repeat(32))));
          default ->
              RecordedInputs.of(
                  List.of(
                      new RecordedInput(
                          RecordedInput.Kind.FILE,
                          "/data/case-" + i + ".nii.gz",
                          Optional.of("cd".repeat(32)),
                          Optional.of(
                              new FileStat(1_000 + i, 1_700_000_000_000_000_000L, "(1,2)"))),
                      new RecordedInput(
                          RecordedInput.Kind.LISTING,
                          "/data",
                          Optional.of("ef".repeat(32)),
                          Optional.empty())));
        };
    ResultMetadata metadata =
        new ResultMetadata(
            "test.op",
            Duration.ofMillis(i),
            Instant.ofEpochMilli(1_700_000_000_000L + i),
            "test",
            i % 2 == 0 ? Optional.of("run-" + i) : Optional.empty(),
            inputs);
    return new StoredResult(result.id(), result.value(), metadata);
  }
}
