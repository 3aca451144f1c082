package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;

/**
 * The row-commit baseline: what writing number results costs with a plain Parquet writer and
 * nothing else. One file per batch, with the columns the store's row of a number fills (id, status,
 * type, value, operator, compute time, creation time, engine version) in a flat schema, through the
 * same writer API and settings the store uses (example {@code Group}s, local files, uncompressed)
 * but without the store's wide schema, temporary file and rename, index or cache.
 */
final class PlainParquetRows {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          """
      message plain_result {
        required binary node_id (STRING);
        required binary status (STRING);
        required binary value_type (STRING);
        required double number_value;
        required binary operator (STRING);
        required int64 compute_nanos;
        required int64 created_at (TIMESTAMP(MILLIS,true));
        required binary engine_version (STRING);
      }
      """);

  private PlainParquetRows() {}

  /** Writes {@code batch} (number results only) to a new file {@code target}. */
  static void write(Path target, List<StoredResult> batch) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(target))
            .withConf(new PlainParquetConfiguration())
            .withType(SCHEMA)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .build()) {
      for (StoredResult result : batch) {
        NumberValue number = (NumberValue) result.value();
        writer.write(
            groups
                .newGroup()
                .append("node_id", result.id().hex())
                .append("status", "succeeded")
                .append("value_type", number.voxType())
                .append("number_value", number.value())
                .append("operator", result.metadata().operator())
                .append("compute_nanos", result.metadata().computeTime().toNanos())
                .append("created_at", result.metadata().createdAt().toEpochMilli())
                .append("engine_version", result.metadata().engineVersion()));
      }
    }
  }
}
