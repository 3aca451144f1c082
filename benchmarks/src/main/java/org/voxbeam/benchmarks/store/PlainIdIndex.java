package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The open-time baseline: the naive index anyone would build over the same files, a {@link HashMap}
 * from the id string to its file, filled by reading the {@code node_id} column of every segment
 * with a plain Parquet reader. No format check, no status, no access log.
 */
final class PlainIdIndex {
  private static final MessageType ID_ONLY =
      MessageTypeParser.parseMessageType(
          "message voxbeam_result { required binary node_id (STRING); }");

  private PlainIdIndex() {}

  static Map<String, Integer> read(Path segments) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(segments)) {
      files = listing.sorted().toList();
    }
    Map<String, Integer> index = new HashMap<>();
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    for (int f = 0; f < files.size(); f++) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(new LocalInputFile(files.get(f)), options)) {
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        reader.setRequestedSchema(ID_ONLY);
        MessageColumnIO columns = new ColumnIOFactory().getColumnIO(ID_ONLY, fileSchema);
        for (PageReadStore group = reader.readNextRowGroup();
            group != null;
            group = reader.readNextRowGroup()) {
          RecordReader<Group> records =
              columns.getRecordReader(group, new GroupRecordConverter(ID_ONLY));
          for (long i = 0; i < group.getRowCount(); i++) {
            index.put(records.read().getString(0, 0), f);
          }
        }
      }
    }
    return index;
  }
}
