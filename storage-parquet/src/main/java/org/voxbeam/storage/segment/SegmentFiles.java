package org.voxbeam.storage.segment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.hadoop.metadata.IndexReference;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.voxbeam.storage.Durability;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;

/**
 * Writes and reads segment files through Parquet's plain-Java file API ({@link LocalOutputFile},
 * {@link LocalInputFile}): no Hadoop file system, native library or {@code winutils} is involved,
 * so segments behave the same on Linux, macOS and Windows.
 *
 * <p>A segment is written completely under {@code tmp/} and then renamed into {@code segments/}, so
 * a reader sees a whole segment or none of it.
 */
public final class SegmentFiles {
  /** Rows are small; compression would save little and cost native codecs. */
  private static final CompressionCodecName CODEC = CompressionCodecName.UNCOMPRESSED;

  /**
   * Rows per data page. Small pages let {@link RowReader} decode a few rows to serve one (a first
   * lookup took ~210 µs with one page per 1,024 rows, ~70 µs with 128, ~60 µs with 64, ~57 µs with
   * 32); every page costs the writer ~2 µs and ~60 bytes, so smaller pages slow commits.
   */
  static final int PAGE_ROWS = 64;

  /**
   * In a segment with a sequence's items, a column's page also ends once it holds this much,
   * checked after every row: a row with many items (a {@code range}'s or a {@code map}'s 10,000)
   * then ends its page in the item columns, so the rows after it, a {@code fold}'s number written
   * in the same commit, are not in a page whose reading walks those items (a warm run reading that
   * number spent ~50 ms skipping them). 64 rows of any other column stay well below it. Segments
   * without items keep Parquet's occasional size checks: checking after every row cost commits of
   * number rows 0.8–0.9 of their rate.
   */
  static final int ITEM_PAGE_BYTES = 16 * 1024;

  /**
   * Columns that repeat few distinct values, and only those, are dictionary-encoded: building a
   * dictionary for ids, values and references that are (nearly) all distinct cost most of the time
   * of writing a segment, and reading one row of such a column would decode it whole. The recorded
   * inputs repeat a lot (every item of a map records the listing its closure captured, and the map
   * records every item's files): plain, their pages would be what a one-row read spends its time
   * decoding.
   */
  private static final List<String> DICTIONARY_COLUMNS =
      List.of(
          SegmentSchema.STATUS,
          SegmentSchema.VALUE_TYPE,
          "dtype",
          "operator",
          "engine_version",
          "error_operator",
          SegmentSchema.RUN_ID,
          "inputs.list.element.kind",
          "inputs.list.element.path",
          "inputs.list.element.sha256",
          "inputs.list.element.file_key");

  /** Offset indexes larger than this are not kept: such a segment is read whole. */
  private static final long MAX_OFFSET_INDEX_BYTES = 1 << 20;

  /** A segment just made visible, with the page map that reads its rows one at a time. */
  public record Written(Path path, Optional<PageMap> pages) {}

  /**
   * Rows read from a segment, with its page map if {@link RowReader} can read it, and the segment
   * checksum its footer records (absent in segments of earlier format versions).
   */
  public record Read(List<Group> rows, Optional<PageMap> pages, Optional<Long> recordedChecksum) {}

  /** The footer key of the segment checksum. */
  static final String SEGMENT_CHECKSUM_KEY = "voxbeam.segment_checksum";

  private SegmentFiles() {}

  /** Writes {@code rows} as a new, synced segment and returns its path once it is visible. */
  public static Path write(StoreLayout layout, List<Group> rows) {
    return commit(layout, rows, Durability.FSYNC).path();
  }

  /** As {@link #commit(StoreLayout, List, Durability)}, synced. */
  public static Written commit(StoreLayout layout, List<Group> rows) {
    return commit(layout, rows, Durability.FSYNC);
  }

  /**
   * Writes {@code rows} as a new segment: completely under {@code tmp/}, synced as {@code
   * durability} says, then renamed into {@code segments/}. Returns once it is visible, with its
   * page map. The segment has only the columns of scalars and sequences if its rows need no others
   * ({@link SegmentSchema#narrowestFor}).
   */
  public static Written commit(StoreLayout layout, List<Group> rows, Durability durability) {
    Path temporary = null;
    try {
      String name = newSegmentName();
      temporary = layout.tmp().resolve(name + ".tmp");
      ParquetWriter<Group> writer = newWriter(layout, temporary, rows);
      try (writer) {
        for (Group row : rows) {
          writer.write(row);
        }
      }
      durability.syncFile(temporary);
      Optional<PageMap> pages =
          pageMap(temporary, writer.getFooter()).map(map -> map.withAbsentFields(rows));
      Path target = layout.segments().resolve(name);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        // segments/ is missing (a fresh store), or was until another thread made it just now.
        Files.createDirectories(layout.segments());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      }
      temporary = null;
      durability.syncDirectory(layout.segments());
      SegmentManifest.record(layout, target);
      if (pages.isPresent()) {
        SegmentIndexFile.record(layout, target, rows, pages.get());
      }
      return new Written(target, pages);
    } catch (IOException | RuntimeException e) {
      throw StoreException.io(
          "write segment", temporary == null ? layout.segments() : temporary, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // gc removes leftover temporary files.
        }
      }
    }
  }

  /**
   * Opens a writer on {@code temporary}, creating {@code tmp/} if it is missing (a fresh store, or
   * {@code gc} removed it). Directories are not created on every commit: that was two system calls
   * per segment.
   */
  private static ParquetWriter<Group> newWriter(
      StoreLayout layout, Path temporary, List<Group> rows) throws IOException {
    Map<String, String> footer = Map.of(SEGMENT_CHECKSUM_KEY, Long.toString(segmentChecksum(rows)));
    MessageType schema = SegmentSchema.narrowestFor(rows);
    try {
      return writerFor(temporary, schema, footer);
    } catch (NoSuchFileException e) {
      Files.createDirectories(layout.tmp());
      return writerFor(temporary, schema, footer);
    }
  }

  /**
   * The segment checksum of {@code rows} ({@link RowChecksum#ofSegment}); a row without a checksum
   * of its own (copied from a segment of an earlier version) counts as 0.
   */
  private static long segmentChecksum(List<Group> rows) {
    List<Long> checksums = new ArrayList<>(rows.size());
    for (Group row : rows) {
      checksums.add(RowChecksum.present(row) ? RowChecksum.stored(row) : 0L);
    }
    return RowChecksum.ofSegment(checksums);
  }

  /**
   * The segment checksum a segment's footer records, if it was written by format version 3 or
   * later.
   */
  public static Optional<Long> recordedChecksum(ParquetMetadata footer) {
    String value = footer.getFileMetaData().getKeyValueMetaData().get(SEGMENT_CHECKSUM_KEY);
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.of(-1L);
    }
  }

  /** Whether {@code rows}, as read from a segment, add up to the checksum its footer records. */
  public static boolean matchesRecordedChecksum(Read read) {
    return read.recordedChecksum()
        .map(recorded -> recorded == segmentChecksum(read.rows()))
        .orElse(true);
  }

  private static ParquetWriter<Group> writerFor(
      Path file, MessageType schema, Map<String, String> footer) throws IOException {
    RowWriter.Builder builder =
        RowWriter.builder(new LocalOutputFile(file), schema, footer)
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CODEC)
            .withWriteMode(ParquetFileWriter.Mode.CREATE)
            .withPageRowCountLimit(PAGE_ROWS)
            .withSizeStatisticsEnabled(false)
            .withDictionaryEncoding(false);
    if (schema.containsField(SegmentSchema.ITEMS)) {
      builder =
          builder
              .withPageSize(ITEM_PAGE_BYTES)
              .withMinRowCountForPageSizeCheck(1)
              .withMaxRowCountForPageSizeCheck(1);
    }
    for (String column : DICTIONARY_COLUMNS) {
      if (schema.containsPath(column.split("\\."))) {
        builder = builder.withDictionaryEncoding(column, true);
      }
    }
    return builder.build();
  }

  /**
   * The page map of a segment, from its footer and its offset indexes, which a writer puts next to
   * each other before the footer: they are read with one positioned read, not one per column.
   */
  private static Optional<PageMap> pageMap(Path file, ParquetMetadata footer) throws IOException {
    long start = Long.MAX_VALUE;
    long end = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        IndexReference reference = chunk.getOffsetIndexReference();
        if (reference == null) {
          return Optional.empty();
        }
        start = Math.min(start, reference.getOffset());
        end = Math.max(end, reference.getOffset() + reference.getLength());
      }
    }
    if (end <= start || end - start > MAX_OFFSET_INDEX_BYTES) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, start + buffer.position()) < 0) {
          throw new IOException("offset indexes beyond the end of " + file);
        }
      }
    }
    long first = start;
    return PageMap.of(
        footer,
        chunk -> {
          IndexReference reference = chunk.getOffsetIndexReference();
          return ParquetMetadataConverter.fromParquetOffsetIndex(
              Util.readOffsetIndex(
                  new ByteArrayInputStream(
                      buffer.array(),
                      (int) (reference.getOffset() - first),
                      reference.getLength())));
        });
  }

  /** Reads every row of {@code segment}, limited to the columns of {@code projection}. */
  public static List<Group> read(Path segment, MessageType projection) throws IOException {
    return read(segment, projection, false).rows();
  }

  /** The schema {@code segment} was written with. */
  public static MessageType schemaOf(Path segment) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(segment), options)) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (RuntimeException e) {
      throw new IOException("not a readable segment: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every row of {@code segment}, limited to the columns of {@code projection}, and, if
   * {@code mapPages}, its page map. The rows come back in the projection's schema, the columns the
   * segment lacks (it holds only scalars and sequences, or was written by an earlier format
   * version) null.
   */
  public static Read read(Path segment, MessageType projection, boolean mapPages)
      throws IOException {
    List<Group> rows = new ArrayList<>();
    Optional<PageMap> pages = Optional.empty();
    Optional<Long> recorded;
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(segment), options)) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      recorded = recordedChecksum(reader.getFooter());
      if (mapPages && SegmentColumns.of(fileSchema).isPresent()) {
        pages = pageMap(segment, reader.getFooter());
      }
      MessageType requested = presentIn(projection, fileSchema);
      reader.setRequestedSchema(requested);
      MessageColumnIO columns = new ColumnIOFactory().getColumnIO(requested, fileSchema);
      for (PageReadStore rowGroup = reader.readNextRowGroup();
          rowGroup != null;
          rowGroup = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            columns.getRecordReader(rowGroup, new GroupRecordConverter(requested));
        boolean partial = requested.getFieldCount() < projection.getFieldCount();
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          Group row = records.read();
          rows.add(partial ? RowCopy.into(projection, row) : row);
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("not a readable segment: " + e.getMessage(), e);
    }
    return new Read(rows, pages, recorded);
  }

  /**
   * What can be read of a damaged segment: each row on its own, through the page map, so a broken
   * page costs only the rows it holds. Rows that do not decode, or whose checksum does not match,
   * are left out.
   *
   * @return the intact rows (in order), and how many rows the footer says it has; no rows and a
   *     count of -1 if the footer itself is unreadable or the segment has no page map
   */
  public static Salvaged salvage(Path segment) {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    Optional<PageMap> pages;
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(segment), options)) {
      if (SegmentColumns.of(reader.getFooter().getFileMetaData().getSchema()).isEmpty()) {
        return new Salvaged(List.of(), -1);
      }
      pages = pageMap(segment, reader.getFooter());
    } catch (IOException | RuntimeException e) {
      return new Salvaged(List.of(), -1);
    }
    if (pages.isEmpty()) {
      return new Salvaged(List.of(), -1);
    }
    List<Group> rows = new ArrayList<>();
    for (int row = 0; row < pages.get().rowCount(); row++) {
      try {
        Group read = RowReader.read(segment, pages.get(), row);
        if (RowChecksum.present(read) && RowChecksum.intact(read)) {
          rows.add(read);
        }
      } catch (IOException | RuntimeException e) {
        // The row is in a damaged page; it is recomputed when needed.
      }
    }
    return new Salvaged(rows, pages.get().rowCount());
  }

  /** The intact rows of a damaged segment, and how many rows it had (-1: unknown). */
  public record Salvaged(List<Group> rows, long rowCount) {}

  /** The fields of {@code projection} that {@code file} has. */
  private static MessageType presentIn(MessageType projection, MessageType file) {
    if (projection.getFields().stream().allMatch(field -> file.containsField(field.getName()))) {
      return projection;
    }
    return new MessageType(
        projection.getName(),
        projection.getFields().stream()
            .filter(field -> file.containsField(field.getName()))
            .toList());
  }

  private static String newSegmentName() {
    return String.format(
        "seg-%013d-%016x%s",
        System.currentTimeMillis(),
        ThreadLocalRandom.current().nextLong(),
        StoreLayout.SEGMENT_SUFFIX);
  }

  /** Whether {@code path} names a segment file. */
  public static boolean isSegment(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("seg-") && name.endsWith(StoreLayout.SEGMENT_SUFFIX);
  }
}
