package org.voxbeam.storage.segment;

import java.util.List;
import java.util.Optional;
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
 * are mapped: one row group, uncompressed, the {@link SegmentSchema#RESULT} schema, offset indexes
 * present. Others (written by another tool) are read whole.
 */
public final class PageMap {
  private final long rowCount;
  private final int[] columnStart;
  private final long[] dictionaryOffset;
  private final long[] pageOffset;
  private final int[] pageSize;
  private final long[] firstRow;

  private PageMap(
      long rowCount,
      int[] columnStart,
      long[] dictionaryOffset,
      long[] pageOffset,
      int[] pageSize,
      long[] firstRow) {
    this.rowCount = rowCount;
    this.columnStart = columnStart;
    this.dictionaryOffset = dictionaryOffset;
    this.pageOffset = pageOffset;
    this.pageSize = pageSize;
    this.firstRow = firstRow;
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
    if (blocks.size() != 1 || !SegmentSchema.RESULT.equals(footer.getFileMetaData().getSchema())) {
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
            blocks.get(0).getRowCount(),
            columnStart,
            dictionaryOffset,
            pageOffset,
            pageSize,
            firstRow));
  }

  /** Rows in the segment. */
  public long rowCount() {
    return rowCount;
  }

  int columns() {
    return dictionaryOffset.length;
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

  long firstPageOffset(int column) {
    return pageOffset[columnStart[column]];
  }
}
