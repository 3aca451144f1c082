package org.voxbeam.storage.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;

/**
 * Writes and reads segment files through Parquet's plain-Java file API ({@link LocalOutputFile},
 * {@link LocalInputFile}): no Hadoop file system, native library or {@code winutils} is involved,
 * so segments behave the same on Linux, macOS and Windows.
 *
 * <p>A segment is written completely under {@code tmp/} and then renamed into
 * {@code segments/}, so a reader sees a whole segment or none of it.
 */
public final class SegmentFiles {
  /** Rows are small; compression would save little and cost native codecs. */
  private static final CompressionCodecName CODEC = CompressionCodecName.UNCOMPRESSED;

  private SegmentFiles() {}

  /** Writes {@code rows} as a new segment and returns its path once it is visible. */
  public static Path write(StoreLayout layout, List<Group> rows) {
    Path temporary = null;
    try {
      Files.createDirectories(layout.tmp());
      Files.createDirectories(layout.segments());
      String name = newSegmentName();
      temporary = layout.tmp().resolve(name + ".tmp");
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new LocalOutputFile(temporary))
              .withConf(new PlainParquetConfiguration())
              .withType(SegmentSchema.RESULT)
              .withCompressionCodec(CODEC)
              .withWriteMode(ParquetFileWriter.Mode.CREATE)
              .build()) {
        for (Group row : rows) {
          writer.write(row);
        }
      }
      Path target = layout.segments().resolve(name);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      return target;
    } catch (IOException e) {
      throw new StoreException("cannot write segment under " + layout.segments() + ": " + e.getMessage(), e);
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

  /** Reads every row of {@code segment}, limited to the columns of {@code projection}. */
  public static List<Group> read(Path segment, MessageType projection) throws IOException {
    List<Group> rows = new ArrayList<>();
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(segment), options)) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      reader.setRequestedSchema(projection);
      MessageColumnIO columns = new ColumnIOFactory().getColumnIO(projection, fileSchema);
      for (PageReadStore rowGroup = reader.readNextRowGroup(); rowGroup != null; rowGroup = reader.readNextRowGroup()) {
        RecordReader<Group> records = columns.getRecordReader(rowGroup, new GroupRecordConverter(projection));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("not a readable segment: " + e.getMessage(), e);
    }
    return rows;
  }

  private static String newSegmentName() {
    return String.format(
        "seg-%013d-%016x%s", System.currentTimeMillis(), ThreadLocalRandom.current().nextLong(), StoreLayout.SEGMENT_SUFFIX);
  }

  /** Whether {@code path} names a segment file. */
  public static boolean isSegment(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("seg-") && name.endsWith(StoreLayout.SEGMENT_SUFFIX);
  }
}
