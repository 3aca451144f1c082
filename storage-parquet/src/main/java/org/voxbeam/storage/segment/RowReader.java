package org.voxbeam.storage.segment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;

/**
 * Reads one row of a segment: for each column, only the data page holding the row (and the
 * column's dictionary page, if it has one), located through the segment's {@link PageMap}, with
 * one positioned read each. Parquet's own record assembly then skips to the row inside those
 * pages. This is what makes a first lookup cheap: no footer to parse and no other row decoded.
 */
public final class RowReader {
  private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();
  private static final List<ColumnDescriptor> COLUMNS = SegmentSchema.RESULT.getColumns();
  private static final MessageColumnIO COLUMN_IO = new ColumnIOFactory().getColumnIO(SegmentSchema.RESULT);

  private RowReader() {}

  /** Row {@code row} of {@code segment}, whose pages {@code pages} maps. */
  public static Group read(Path segment, PageMap pages, int row) throws IOException {
    if (row < 0 || row >= pages.rowCount() || pages.columns() != COLUMNS.size()) {
      throw new IOException("row " + row + " is not in segment " + segment);
    }
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      OneRowPages store = new OneRowPages(row);
      for (int c = 0; c < COLUMNS.size(); c++) {
        store.readers[c] = columnPages(channel, pages, c, row);
      }
      return COLUMN_IO.getRecordReader(store, new GroupRecordConverter(SegmentSchema.RESULT), FilterCompat.NOOP).read();
    } catch (RuntimeException e) {
      throw new IOException("row " + row + " of " + segment + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static OnePage columnPages(FileChannel channel, PageMap pages, int column, long row) throws IOException {
    DictionaryPage dictionary = null;
    long dictionaryOffset = pages.dictionaryOffset(column);
    if (dictionaryOffset >= 0) {
      Page page = Page.read(channel, dictionaryOffset, (int) (pages.firstPageOffset(column) - dictionaryOffset));
      if (page.header.getType() != PageType.DICTIONARY_PAGE) {
        throw new IOException("no dictionary page at " + dictionaryOffset);
      }
      dictionary = new DictionaryPage(
          page.data,
          page.header.getUncompressed_page_size(),
          page.header.getDictionary_page_header().getNum_values(),
          CONVERTER.getEncoding(page.header.getDictionary_page_header().getEncoding()));
    }
    int index = pages.page(column, row);
    Page page = Page.read(channel, pages.offset(index), pages.size(index));
    if (page.header.getType() != PageType.DATA_PAGE) {
      throw new IOException("page at " + pages.offset(index) + " is a " + page.header.getType() + ", not a version 1 data page");
    }
    DataPageHeader header = page.header.getData_page_header();
    DataPage data = new DataPageV1(
        page.data,
        header.getNum_values(),
        page.header.getUncompressed_page_size(),
        pages.firstRow(index),
        pages.rows(column, index),
        Statistics.createStats(COLUMNS.get(column).getPrimitiveType()),
        CONVERTER.getEncoding(header.getRepetition_level_encoding()),
        CONVERTER.getEncoding(header.getDefinition_level_encoding()),
        CONVERTER.getEncoding(header.getEncoding()));
    return new OnePage(dictionary, data);
  }

  /** A page read from the file: its header and its (uncompressed) content. */
  private record Page(PageHeader header, BytesInput data) {
    static Page read(FileChannel channel, long offset, int size) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(size);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException("segment ends inside the page at " + offset);
        }
      }
      ByteArrayInputStream in = new ByteArrayInputStream(buffer.array());
      PageHeader header = Util.readPageHeader(in);
      int headerSize = size - in.available();
      if (header.getCompressed_page_size() != size - headerSize) {
        throw new IOException("page at " + offset + " does not match the offset index");
      }
      return new Page(header, BytesInput.from(buffer.array(), headerSize, size - headerSize));
    }
  }

  /** The pages of one column that a one-row read needs. */
  private static final class OnePage implements PageReader {
    private final DictionaryPage dictionary;
    private DataPage data;
    private final long valueCount;

    OnePage(DictionaryPage dictionary, DataPage data) {
      this.dictionary = dictionary;
      this.data = data;
      this.valueCount = data.getValueCount();
    }

    @Override
    public DictionaryPage readDictionaryPage() {
      return dictionary;
    }

    @Override
    public long getTotalValueCount() {
      return valueCount;
    }

    @Override
    public DataPage readPage() {
      DataPage page = data;
      data = null;
      return page;
    }
  }

  /** A row group view holding one row, so that Parquet's column readers skip to it. */
  private static final class OneRowPages implements PageReadStore {
    private final long row;
    private final PageReader[] readers = new PageReader[COLUMNS.size()];

    OneRowPages(long row) {
      this.row = row;
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor descriptor) {
      return readers[COLUMNS.indexOf(descriptor)];
    }

    @Override
    public long getRowCount() {
      return 1;
    }

    @Override
    public Optional<PrimitiveIterator.OfLong> getRowIndexes() {
      return Optional.of(LongStream.of(row).iterator());
    }
  }
}
