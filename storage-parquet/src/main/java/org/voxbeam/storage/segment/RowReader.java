package org.voxbeam.storage.segment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.protocol.TProtocol;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;
import shaded.parquet.org.apache.thrift.transport.TTransportException;

/**
 * Reads one row of a segment: for each column, only the data page holding the row (and the column's
 * dictionary page, if it has one), located through the segment's {@link PageMap}, with one
 * positioned read each. A {@link PageCursor} per column then walks its page to the row, and {@link
 * RowAssembly} puts the row together. This is what makes a first lookup cheap: no footer to parse
 * and no other row decoded. Several rows of one segment (a sequence's items) are read the same way
 * in one pass, each page once.
 */
public final class RowReader {
  private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();

  /** Parquet's encodings by their footer names, looked up by name otherwise: 3 per page read. */
  private static final Map<org.apache.parquet.format.Encoding, Encoding> ENCODINGS = encodings();

  private RowReader() {}

  private static Map<org.apache.parquet.format.Encoding, Encoding> encodings() {
    Map<org.apache.parquet.format.Encoding, Encoding> encodings =
        new EnumMap<>(org.apache.parquet.format.Encoding.class);
    for (org.apache.parquet.format.Encoding encoding :
        org.apache.parquet.format.Encoding.values()) {
      try {
        encodings.put(encoding, CONVERTER.getEncoding(encoding));
      } catch (IllegalArgumentException e) {
        // An encoding this Parquet cannot read; a page using it is refused below.
      }
    }
    return encodings;
  }

  private static Encoding encoding(org.apache.parquet.format.Encoding encoding) throws IOException {
    Encoding known = ENCODINGS.get(encoding);
    if (known == null) {
      throw new IOException("a page has the encoding " + encoding + ", which is not supported");
    }
    return known;
  }

  /** Row {@code row} of {@code segment}, whose pages {@code pages} maps. */
  public static Group read(Path segment, PageMap pages, int row) throws IOException {
    if (row < 0 || row >= pages.rowCount()) {
      throw new IOException("row " + row + " is not in segment " + segment);
    }
    try {
      return parse(segment, pages, new int[] {row}).decode(pages, new int[] {row}).get(0);
    } catch (RuntimeException e) {
      throw new IOException(
          "row " + row + " of " + segment + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Rows {@code rows} of {@code segment}, ascending and distinct, in that order: the file is opened
   * once, and every page that holds one of them is read and parsed once, then shared by the rows it
   * holds. Reading the items of a sequence this way costs one pass over their pages, not a file
   * opening, reads and page header parsing per item. A row that does not decode is null in the
   * list, so that it alone is judged damaged (by a read of its own).
   */
  public static List<Group> read(Path segment, PageMap pages, int[] rows) throws IOException {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= pages.rowCount() || (i > 0 && rows[i] <= rows[i - 1])) {
        throw new IOException("rows to read must be ascending rows of segment " + segment);
      }
    }
    if (rows.length == 0) {
      return List.of();
    }
    ParsedPages parsed;
    try {
      parsed = parse(segment, pages, rows);
    } catch (RuntimeException e) {
      throw new IOException(
          "the pages of " + rows.length + " rows of " + segment + " are unreadable: " + e, e);
    }
    List<Group> read = new ArrayList<>(rows.length);
    int first = 0;
    while (first < rows.length) {
      int end = first + 1;
      while (end < rows.length && samePages(pages, rows[first], rows[end])) {
        end++;
      }
      int[] group = Arrays.copyOfRange(rows, first, end);
      try {
        read.addAll(parsed.decode(pages, group));
      } catch (RuntimeException e) {
        for (int row : group) {
          read.add(decodedOrNull(parsed, pages, row));
        }
      }
      first = end;
    }
    return read;
  }

  /** Row {@code row} alone, or null if it does not decode: it alone is then judged damaged. */
  private static Group decodedOrNull(ParsedPages parsed, PageMap pages, int row) {
    try {
      return parsed.decode(pages, new int[] {row}).get(0);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether rows {@code a} and {@code b} lie in the same data page of every column. */
  private static boolean samePages(PageMap pages, int a, int b) {
    for (int c = 0; c < pages.columns().count(); c++) {
      if (pages.page(c, a) != pages.page(c, b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads and parses, with one file opening, the data pages holding any of the ascending {@code
   * rows}, once each, and the dictionaries of their columns. Pages whose field none of their rows
   * has ({@link PageMap#absent}) are neither read nor parsed.
   */
  private static ParsedPages parse(Path segment, PageMap pages, int[] rows) throws IOException {
    int columns = pages.columns().count();
    int[][] dataPages = new int[columns][];
    List<Extent> extents = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      dataPages[c] = pagesHolding(pages, c, rows);
      for (int page : dataPages[c]) {
        extents.add(new Extent(pages.offset(page), pages.size(page)));
      }
      long dictionary = pages.dictionaryOffset(c);
      if (dictionary >= 0 && dataPages[c].length > 0) {
        extents.add(new Extent(dictionary, (int) (pages.firstPageOffset(c) - dictionary)));
      }
    }
    DictionaryPage[] dictionaries = new DictionaryPage[columns];
    Page[][] data = new Page[columns][];
    Spans spans;
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      spans = Spans.read(channel, extents);
    }
    HeaderReader headers = new HeaderReader();
    for (int c = 0; c < columns; c++) {
      dictionaries[c] = dataPages[c].length > 0 ? dictionary(spans, headers, pages, c) : null;
      data[c] = new Page[dataPages[c].length];
      for (int p = 0; p < dataPages[c].length; p++) {
        data[c][p] = dataPage(spans, headers, pages, dataPages[c][p]);
      }
    }
    return new ParsedPages(dictionaries, dataPages, data);
  }

  /**
   * The pages of {@code column} holding any of the ascending {@code rows}, ascending, once each,
   * but for absent ones.
   */
  private static int[] pagesHolding(PageMap pages, int column, int[] rows) {
    int[] held = new int[rows.length];
    int count = 0;
    int last = -1;
    for (int row : rows) {
      int page = pages.page(column, row);
      if (page != last && !pages.absent(page)) {
        held[count++] = page;
      }
      last = page;
    }
    return Arrays.copyOf(held, count);
  }

  /**
   * Each column's dictionary (null if it has none) and the data pages read: {@code data[c][i]} is
   * page {@code pageIndexes[c][i]} of column {@code c}, ascending. A dictionary is decoded the
   * first time a row needs it, once for all the rows read.
   */
  private static final class ParsedPages {
    private final DictionaryPage[] dictionaryPages;
    private final Dictionary[] dictionaries;
    private final int[][] pageIndexes;
    private final Page[][] data;

    ParsedPages(DictionaryPage[] dictionaryPages, int[][] pageIndexes, Page[][] data) {
      this.dictionaryPages = dictionaryPages;
      this.dictionaries = new Dictionary[dictionaryPages.length];
      this.pageIndexes = pageIndexes;
      this.data = data;
    }

    Page page(int column, int pageIndex) {
      return data[column][Arrays.binarySearch(pageIndexes[column], pageIndex)];
    }

    Dictionary dictionary(SegmentColumns columns, int column) throws IOException {
      if (dictionaries[column] == null && dictionaryPages[column] != null) {
        DictionaryPage page = dictionaryPages[column];
        dictionaries[column] = page.getEncoding().initDictionary(columns.descriptor(column), page);
      }
      return dictionaries[column];
    }

    /**
     * Assembles the ascending {@code rows}, which lie in the same data page of every column, from
     * one cursor per column ({@link RowAssembly}), but for columns whose page is absent; throws a
     * runtime exception if it cannot. The rows of a page share the cursors, so a page's levels are
     * decoded once for all of them.
     */
    List<Group> decode(PageMap pages, int[] rows) {
      SegmentColumns columns = pages.columns();
      RowAssembly assembly = columns.assembly();
      boolean[] read = assembly.columnsRead(c -> pages.absent(pages.page(c, rows[0])));
      PageCursor[] cursors = new PageCursor[columns.count()];
      try {
        for (int c = 0; c < cursors.length; c++) {
          if (read[c]) {
            int index = pages.page(c, rows[0]);
            Page page = page(c, index);
            cursors[c] =
                new PageCursor(
                    columns.descriptor(c),
                    page.data(),
                    page.valueCount(),
                    page.encodings(),
                    pages.firstRow(index),
                    dictionary(columns, c));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Group> decoded = new ArrayList<>(rows.length);
      for (int row : rows) {
        for (PageCursor cursor : cursors) {
          if (cursor != null) {
            cursor.skipTo(row);
          }
        }
        decoded.add(assembly.read(cursors));
      }
      return decoded;
    }
  }

  private static DictionaryPage dictionary(
      Spans spans, HeaderReader headers, PageMap pages, int column) throws IOException {
    long dictionaryOffset = pages.dictionaryOffset(column);
    if (dictionaryOffset < 0) {
      return null;
    }
    Framed page =
        Framed.parse(
            spans,
            headers,
            dictionaryOffset,
            (int) (pages.firstPageOffset(column) - dictionaryOffset));
    if (page.header().getType() != PageType.DICTIONARY_PAGE) {
      throw new IOException("no dictionary page at " + dictionaryOffset);
    }
    DictionaryPageHeader header = page.header().getDictionary_page_header();
    return new DictionaryPage(
        BytesInput.from(page.data()),
        page.header().getUncompressed_page_size(),
        header.getNum_values(),
        encoding(header.getEncoding()));
  }

  private static Page dataPage(Spans spans, HeaderReader headers, PageMap pages, int index)
      throws IOException {
    Framed page = Framed.parse(spans, headers, pages.offset(index), pages.size(index));
    if (page.header().getType() != PageType.DATA_PAGE) {
      throw new IOException(
          "page at "
              + pages.offset(index)
              + " is a "
              + page.header().getType()
              + ", not a version 1 data page");
    }
    DataPageHeader header = page.header().getData_page_header();
    return new Page(
        page.data(),
        header.getNum_values(),
        new PageCursor.Encodings(
            encoding(header.getRepetition_level_encoding()),
            encoding(header.getDefinition_level_encoding()),
            encoding(header.getEncoding())));
  }

  /** A data page's content after its header, its entry count and encodings. */
  private record Page(ByteBuffer data, int valueCount, PageCursor.Encodings encodings) {}

  /** A byte range of the file. */
  private record Extent(long offset, int size) {
    long end() {
      return offset + size;
    }
  }

  /**
   * The bytes of a set of extents, read with one positioned read per run of extents that lie close
   * together: the pages of sparse columns (nulls for most rows) are a few dozen bytes each and
   * adjacent, so a row's 34 columns take a handful of reads, not 34.
   */
  private record Spans(long[] offsets, byte[][] bytes) {
    /** Extents closer than this are read together; reading the gap is cheaper than a call. */
    private static final int GAP = 16 * 1024;

    static Spans read(FileChannel channel, List<Extent> extents) throws IOException {
      extents.sort(Comparator.comparingLong(Extent::offset));
      List<Extent> merged = new ArrayList<>();
      Extent current = extents.get(0);
      for (Extent next : extents.subList(1, extents.size())) {
        if (next.offset() - current.end() <= GAP) {
          current =
              new Extent(
                  current.offset(), (int) (Math.max(current.end(), next.end()) - current.offset()));
        } else {
          merged.add(current);
          current = next;
        }
      }
      merged.add(current);
      long[] offsets = new long[merged.size()];
      byte[][] bytes = new byte[merged.size()][];
      for (int i = 0; i < merged.size(); i++) {
        offsets[i] = merged.get(i).offset();
        bytes[i] = readFully(channel, merged.get(i));
      }
      return new Spans(offsets, bytes);
    }

    private static byte[] readFully(FileChannel channel, Extent extent) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(extent.size());
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, extent.offset() + buffer.position()) < 0) {
          throw new IOException("segment ends inside the pages at " + extent.offset());
        }
      }
      return buffer.array();
    }

    /** The span holding the extent that starts at {@code offset}. */
    int spanOf(long offset) {
      int i = Arrays.binarySearch(offsets, offset);
      return i >= 0 ? i : -i - 2;
    }
  }

  /** A page as the file frames it: its header and its (uncompressed) content. */
  private record Framed(PageHeader header, ByteBuffer data) {
    static Framed parse(Spans spans, HeaderReader headers, long offset, int size)
        throws IOException {
      int span = spans.spanOf(offset);
      byte[] bytes = spans.bytes()[span];
      int start = (int) (offset - spans.offsets()[span]);
      PageHeader header = headers.read(bytes, start, size);
      int headerSize = headers.consumed();
      if (header.getCompressed_page_size() != size - headerSize) {
        throw new IOException("page at " + offset + " does not match the offset index");
      }
      return new Framed(header, ByteBuffer.wrap(bytes, start + headerSize, size - headerSize));
    }
  }

  /**
   * Reads the page headers of one row read with one Thrift protocol. Parquet's {@code
   * Util.readPageHeader} builds a protocol and a transport per header and formats a message for its
   * size check whether or not the check fails; over a row's dozen headers that was a fifth of a
   * first read. A header read here is checked where it is used: its sizes against the page map.
   */
  private static final class HeaderReader {
    private final Window window = new Window();
    private final TProtocol protocol;

    HeaderReader() throws IOException {
      try {
        protocol = new TCompactProtocol(new TIOStreamTransport(window));
      } catch (TTransportException e) {
        throw new IOException("cannot read page headers: " + e.getMessage(), e);
      }
    }

    PageHeader read(byte[] bytes, int offset, int length) throws IOException {
      window.show(bytes, offset, length);
      PageHeader header = new PageHeader();
      try {
        header.read(protocol);
      } catch (TException e) {
        throw new IOException("unreadable page header: " + e.getMessage(), e);
      }
      return header;
    }

    /** How many bytes the last header took. */
    int consumed() {
      return window.consumed();
    }
  }

  /** A stream over one range of a byte array at a time. */
  private static final class Window extends ByteArrayInputStream {
    private int start;

    Window() {
      super(new byte[0]);
    }

    void show(byte[] bytes, int offset, int length) {
      buf = bytes;
      pos = offset;
      count = offset + length;
      mark = offset;
      start = offset;
    }

    int consumed() {
      return pos - start;
    }
  }
}
