package org.voxbeam.storage.segment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;

/**
 * Where the pages of one segment are: for every column, the file offset, size and first row of each
 * data page, and the offset of its dictionary page. Built once, when the segment is indexed (its
 * footer and offset indexes are at hand then), so that reading one row later needs neither the
 * footer — parsing it costs about 100 µs, more than a whole point lookup may — nor any page but the
 * one holding the row in each column (see {@link RowReader}).
 *
 * <p>About 16 bytes per page: a few kilobytes per segment. Only segments {@link RowReader} can read
 * are mapped: one row group, uncompressed, one of the schemas of {@link SegmentColumns}, offset
 * indexes present. Others (written by another tool or an earlier version) are read whole.
 */
public final class PageMap {
  private final SegmentColumns columns;
  private final long rowCount;
  private final int[] columnStart;
  private final long[] dictionaryOffset;
  private final long[] pageOffset;
  private final int[] pageSize;
  private final long[] firstRow;

  /**
   * The pages none of whose rows has a value in the page's field ({@link #withAbsentFields}); none
   * are known for a map built from a footer alone.
   */
  private final BitSet absent;

  private PageMap(
      SegmentColumns columns,
      long rowCount,
      int[] columnStart,
      long[] dictionaryOffset,
      long[] pageOffset,
      int[] pageSize,
      long[] firstRow,
      BitSet absent) {
    this.columns = columns;
    this.rowCount = rowCount;
    this.columnStart = columnStart;
    this.dictionaryOffset = dictionaryOffset;
    this.pageOffset = pageOffset;
    this.pageSize = pageSize;
    this.firstRow = firstRow;
    this.absent = absent;
  }

  /** Reads a column chunk's offset index; null if it has none. */
  @FunctionalInterface
  public interface OffsetIndexSource {
    OffsetIndex read(ColumnChunkMetaData chunk) throws java.io.IOException;
  }

  /** The page map of a segment with this footer, or empty if {@link RowReader} cannot read it. */
  public static Optional<PageMap> of(ParquetMetadata footer, OffsetIndexSource offsets)
      throws java.io.IOException {
    List<BlockMetaData> blocks = footer.getBlocks();
    Optional<SegmentColumns> columns = SegmentColumns.of(footer.getFileMetaData().getSchema());
    if (blocks.size() != 1 || columns.isEmpty()) {
      return Optional.empty();
    }
    List<ColumnChunkMetaData> chunks = blocks.get(0).getColumns();
    OffsetIndex[] indexes = new OffsetIndex[chunks.size()];
    int pages = 0;
    for (int c = 0; c < chunks.size(); c++) {
      ColumnChunkMetaData chunk = chunks.get(c);
      if (chunk.getCodec() != CompressionCodecName.UNCOMPRESSED || chunk.isEncrypted()) {
        return Optional.empty();
      }
      indexes[c] = offsets.read(chunk);
      if (indexes[c] == null || indexes[c].getPageCount() == 0) {
        return Optional.empty();
      }
      pages += indexes[c].getPageCount();
    }
    int[] columnStart = new int[chunks.size() + 1];
    long[] dictionaryOffset = new long[chunks.size()];
    long[] pageOffset = new long[pages];
    int[] pageSize = new int[pages];
    long[] firstRow = new long[pages];
    int next = 0;
    for (int c = 0; c < chunks.size(); c++) {
      ColumnChunkMetaData chunk = chunks.get(c);
      columnStart[c] = next;
      dictionaryOffset[c] = chunk.hasDictionaryPage() ? chunk.getDictionaryPageOffset() : -1;
      for (int p = 0; p < indexes[c].getPageCount(); p++, next++) {
        pageOffset[next] = indexes[c].getOffset(p);
        pageSize[next] = indexes[c].getCompressedPageSize(p);
        firstRow[next] = indexes[c].getFirstRowIndex(p);
      }
    }
    columnStart[chunks.size()] = next;
    return Optional.of(
        new PageMap(
            columns.get(),
            blocks.get(0).getRowCount(),
            columnStart,
            dictionaryOffset,
            pageOffset,
            pageSize,
            firstRow,
            new BitSet()));
  }

  /**
   * This map, knowing which pages hold rows none of which has a value in the page's top-level field
   * ({@code rows}, the segment's rows in order, tell): a number's row leaves 39 of the 49 columns
   * empty, and a one-row read need neither read nor decode such pages, since the field is absent
   * from every row they hold. A list that is present but empty is a value, not an absence.
   *
   * @param rows rows of {@link SegmentSchema#RESULT}, whatever schema the segment was written in
   */
  PageMap withAbsentFields(List<Group> rows) {
    if (rows.size() != rowCount) {
      throw new IllegalArgumentException(rows.size() + " rows for a map of " + rowCount);
    }
    BitSet flagged = new BitSet(pageOffset.length);
    int[] presentBefore = new int[rows.size() + 1];
    int counted = -1;
    for (int c = 0; c < columns.count(); c++) {
      int field = SegmentSchema.RESULT.getFieldIndex(columns.descriptor(c).getPath()[0]);
      if (field != counted) {
        for (int r = 0; r < rows.size(); r++) {
          presentBefore[r + 1] =
              presentBefore[r] + (rows.get(r).getFieldRepetitionCount(field) > 0 ? 1 : 0);
        }
        counted = field;
      }
      for (int page = columnStart[c]; page < columnStart[c + 1]; page++) {
        int first = (int) firstRow[page];
        if (presentBefore[first + rows(c, page)] == presentBefore[first]) {
          flagged.set(page);
        }
      }
    }
    return new PageMap(
        columns, rowCount, columnStart, dictionaryOffset, pageOffset, pageSize, firstRow, flagged);
  }

  /**
   * Writes this map for {@link #readFrom}, the tag of its columns first and its absent pages after
   * its pages: the segment index file keeps it (see there).
   */
  void writeTo(DataOutputStream out) throws IOException {
    out.writeByte(columns.tag());
    out.writeLong(rowCount);
    out.writeInt(dictionaryOffset.length);
    out.writeInt(pageOffset.length);
    for (int start : columnStart) {
      out.writeInt(start);
    }
    for (long offset : dictionaryOffset) {
      out.writeLong(offset);
    }
    for (int page = 0; page < pageOffset.length; page++) {
      out.writeLong(pageOffset[page]);
      out.writeInt(pageSize[page]);
      out.writeLong(firstRow[page]);
    }
    long[] words = absent.toLongArray();
    out.writeInt(words.length);
    for (long word : words) {
      out.writeLong(word);
    }
  }

  /**
   * A map written by {@link #writeTo}, its shape checked: a map that does not fit its segment's
   * columns, or whose pages are out of order, is refused, so a damaged index file is never used.
   *
   * @param version the version of the index file: 1 maps all columns and records no absent pages, 2
   *     records them, 3 also names the columns
   */
  static PageMap readFrom(DataInputStream in, int version) throws IOException {
    SegmentColumns segmentColumns =
        version < 3
            ? SegmentColumns.ALL_NO_ITEMS
            : SegmentColumns.ofTag(in.readUnsignedByte())
                .orElseThrow(() -> new IOException("a page map of unknown columns"));
    long rowCount = in.readLong();
    int columns = in.readInt();
    int pages = in.readInt();
    if (rowCount < 0 || columns != segmentColumns.count() || pages < columns) {
      throw new IOException("not a page map of the segment's columns");
    }
    int[] columnStart = new int[columns + 1];
    for (int c = 0; c <= columns; c++) {
      columnStart[c] = in.readInt();
      if (columnStart[c] < 0
          || columnStart[c] > pages
          || (c > 0 && columnStart[c] <= columnStart[c - 1])) {
        throw new IOException("page map columns out of order");
      }
    }
    if (columnStart[0] != 0 || columnStart[columns] != pages) {
      throw new IOException("page map columns do not cover its pages");
    }
    long[] dictionaryOffset = new long[columns];
    for (int c = 0; c < columns; c++) {
      dictionaryOffset[c] = in.readLong();
    }
    long[] pageOffset = new long[pages];
    int[] pageSize = new int[pages];
    long[] firstRow = new long[pages];
    for (int page = 0; page < pages; page++) {
      pageOffset[page] = in.readLong();
      pageSize[page] = in.readInt();
      firstRow[page] = in.readLong();
      if (pageOffset[page] < 0
          || pageSize[page] < 0
          || firstRow[page] < 0
          || firstRow[page] > rowCount) {
        throw new IOException("page map page out of range");
      }
    }
    BitSet absent = new BitSet();
    if (version >= 2) {
      int words = in.readInt();
      if (words < 0 || words > (pages + 63) / 64) {
        throw new IOException("page map absent pages out of range");
      }
      long[] bits = new long[words];
      for (int w = 0; w < words; w++) {
        bits[w] = in.readLong();
      }
      absent = BitSet.valueOf(bits);
    }
    return new PageMap(
        segmentColumns,
        rowCount,
        columnStart,
        dictionaryOffset,
        pageOffset,
        pageSize,
        firstRow,
        absent);
  }

  /** Rows in the segment. */
  public long rowCount() {
    return rowCount;
  }

  /** The columns of the segment, as it was written. */
  SegmentColumns columns() {
    return columns;
  }

  /** The page of {@code column} that holds {@code row}, as an index for the accessors below. */
  int page(int column, long row) {
    int low = columnStart[column];
    int high = columnStart[column + 1] - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (firstRow[middle] <= row) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  long offset(int page) {
    return pageOffset[page];
  }

  int size(int page) {
    return pageSize[page];
  }

  long firstRow(int page) {
    return firstRow[page];
  }

  /** Rows in {@code page} of {@code column}. */
  int rows(int column, int page) {
    long end = page + 1 < columnStart[column + 1] ? firstRow[page + 1] : rowCount;
    return (int) (end - firstRow[page]);
  }

  /**
   * The dictionary page's offset in {@code column}, or -1; it ends where the first data page
   * begins.
   */
  long dictionaryOffset(int column) {
    return dictionaryOffset[column];
  }

  /** Whether none of the rows {@code page} holds has a value in its column's top-level field. */
  boolean absent(int page) {
    return absent.get(page);
  }

  long firstPageOffset(int column) {
    return pageOffset[columnStart[column]];
  }
}
