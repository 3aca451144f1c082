package org.voxbeam.storage.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
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
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;

/**
 * The run record of a store: every run appends one Parquet file of one row to {@code runs/},
 * written under {@code tmp/} and renamed into place like a segment, so runs on many machines append
 * without coordinating and any Parquet reader (DuckDB: {@code read_parquet('runs/*.parquet')}) sees
 * whole records only. The schema ({@link #SCHEMA}) is specified in docs/store-format.md.
 */
public final class RunTable {
  private static final Logger LOG = LoggerFactory.getLogger(RunTable.class);
  private static final String PREFIX = "run-";
  private static final String SUFFIX = ".parquet";

  /** One row per run; the goals are a list, in the plan's order. */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          """
          message voxbeam_run {
            required binary run_id (STRING);
            required int64 started_at (TIMESTAMP(MILLIS,true));
            required int64 ended_at (TIMESTAMP(MILLIS,true));
            required binary runner (STRING);
            required binary program_path (STRING);
            required binary program_sha256 (STRING);
            required binary cache (STRING);
            required binary engine_version (STRING);
            required int64 nodes_total;
            required int64 nodes_computed;
            required int64 nodes_cached;
            required int64 nodes_failed;
            required int64 items_computed;
            required int64 items_cached;
            required int64 items_failed;
            optional group goals (LIST) {
              repeated group list {
                required group element {
                  required binary name (STRING);
                  required binary operation (STRING);
                  required binary node_id (STRING);
                  required binary status (STRING);
                  optional binary error (STRING);
                }
              }
            }
            optional int64 nodes_fetched;
          }
          """);

  private final StoreLayout layout;

  public RunTable(StoreLayout layout) {
    this.layout = layout;
  }

  /**
   * Writes a record like the ones {@link #append} writes, to nowhere, for a caller that has a core
   * to spare before its run ends. The first Parquet file a process writes loads several hundred
   * classes (the footer's alone starts a JSON object mapper, 44-61 ms) and runs the writer
   * interpreted, which a warm run paid in {@code append} and a cold run in its first commit, both
   * at the end of the run.
   *
   * @return whether the record was written; a failure is only logged, since the run's own record
   *     reports its own
   */
  public static boolean rehearse() {
    try (ParquetWriter<Group> writer = writer(new Nowhere())) {
      writer.write(row(REHEARSAL));
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.debug("could not rehearse writing a run record: {}", e.toString());
      return false;
    }
    return true;
  }

  /** What {@link #rehearse} writes: every column filled, one goal. */
  private static final RunRecord REHEARSAL =
      new RunRecord(
          "rehearsal",
          Instant.EPOCH,
          Instant.EPOCH,
          "in-process",
          "rehearsal.imgql",
          "0".repeat(64),
          "reuse",
          "rehearsal",
          new RunRecord.Nodes(1, 1, 0, 0),
          new RunRecord.Items(0, 0, 0),
          List.of(
              new GoalRecord(
                  "rehearsal", "print", "0".repeat(64), GoalRecord.FAILED, Optional.of("none"))));

  /** Appends {@code record}; visible to readers once this returns. */
  public void append(RunRecord record) {
    String name = NewFiles.timeOrderedName(PREFIX, record.startedAt().toEpochMilli(), SUFFIX);
    Path temporary = layout.tmp().resolve(name + ".tmp");
    try {
      Files.createDirectories(layout.tmp());
      Files.createDirectories(layout.runs());
      try (ParquetWriter<Group> writer = writer(new LocalOutputFile(temporary))) {
        writer.write(row(record));
      }
      Files.move(temporary, layout.runs().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      throw StoreException.io("record the run in", layout.runs(), e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // gc removes leftover temporary files.
      }
    }
  }

  private static ParquetWriter<Group> writer(OutputFile file) throws IOException {
    return ExampleParquetWriter.builder(file)
        .withConf(new PlainParquetConfiguration())
        .withType(SCHEMA)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build();
  }

  /** Every recorded run, oldest first. Files that cannot be read are skipped with a warning. */
  public List<RunRecord> all() {
    List<RunRecord> records = new ArrayList<>();
    if (!Files.isDirectory(layout.runs())) {
      return records;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(layout.runs())) {
      files = listing.filter(RunTable::isRunFile).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + layout.runs() + ": " + e.getMessage(), e);
    }
    for (Path file : files) {
      try {
        records.addAll(read(file));
      } catch (NoSuchFileException vanished) {
        LOG.debug("run record {} vanished while listing", file);
      } catch (IOException | RuntimeException e) {
        LOG.warn("skipping unreadable run record {}: {}", file, e.getMessage());
      }
    }
    records.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId));
    return records;
  }

  /** The run {@code runId}, if it was recorded. */
  public Optional<RunRecord> find(String runId) {
    return all().stream().filter(record -> record.runId().equals(runId)).findFirst();
  }

  private static boolean isRunFile(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }

  private static Group row(RunRecord record) {
    Group row = new SimpleGroupFactory(SCHEMA).newGroup();
    row.append("run_id", record.runId());
    row.append("started_at", record.startedAt().toEpochMilli());
    row.append("ended_at", record.endedAt().toEpochMilli());
    row.append("runner", record.runner());
    row.append("program_path", record.programPath());
    row.append("program_sha256", record.programSha256());
    row.append("cache", record.cache());
    row.append("engine_version", record.engineVersion());
    row.append("nodes_total", record.nodes().total());
    row.append("nodes_computed", record.nodes().computed());
    row.append("nodes_cached", record.nodes().cached());
    row.append("nodes_failed", record.nodes().failed());
    row.append("items_computed", record.items().computed());
    row.append("items_cached", record.items().cached());
    row.append("items_failed", record.items().failed());
    Group goals = row.addGroup("goals");
    for (GoalRecord goal : record.goals()) {
      Group element = goals.addGroup("list").addGroup("element");
      element.append("name", goal.name());
      element.append("operation", goal.operation());
      element.append("node_id", goal.nodeId());
      element.append("status", goal.status());
      goal.error().ifPresent(error -> element.append("error", error));
    }
    row.append("nodes_fetched", record.nodes().fetched());
    return row;
  }

  private static List<RunRecord> read(Path file) throws IOException {
    List<RunRecord> records = new ArrayList<>();
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO columns = new ColumnIOFactory().getColumnIO(fileSchema);
      for (PageReadStore rowGroup = reader.readNextRowGroup();
          rowGroup != null;
          rowGroup = reader.readNextRowGroup()) {
        RecordReader<Group> rows =
            columns.getRecordReader(rowGroup, new GroupRecordConverter(fileSchema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          records.add(record(rows.read()));
        }
      }
    }
    return records;
  }

  /** {@code nodes_fetched}, a column added at the end of the schema: absent in older records. */
  private static long fetched(Group row) {
    return row.getType().containsField("nodes_fetched")
            && row.getFieldRepetitionCount("nodes_fetched") > 0
        ? row.getLong("nodes_fetched", 0)
        : 0;
  }

  private static RunRecord record(Group row) {
    List<GoalRecord> goals = new ArrayList<>();
    if (row.getFieldRepetitionCount("goals") > 0) {
      Group list = row.getGroup("goals", 0);
      for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
        Group goal = list.getGroup("list", i).getGroup("element", 0);
        goals.add(
            new GoalRecord(
                goal.getString("name", 0),
                goal.getString("operation", 0),
                goal.getString("node_id", 0),
                goal.getString("status", 0),
                goal.getFieldRepetitionCount("error") == 0
                    ? Optional.empty()
                    : Optional.of(goal.getString("error", 0))));
      }
    }
    return new RunRecord(
        row.getString("run_id", 0),
        Instant.ofEpochMilli(row.getLong("started_at", 0)),
        Instant.ofEpochMilli(row.getLong("ended_at", 0)),
        row.getString("runner", 0),
        row.getString("program_path", 0),
        row.getString("program_sha256", 0),
        row.getString("cache", 0),
        row.getString("engine_version", 0),
        new RunRecord.Nodes(
            row.getLong("nodes_total", 0),
            row.getLong("nodes_computed", 0),
            row.getLong("nodes_cached", 0),
            row.getLong("nodes_failed", 0),
            fetched(row)),
        new RunRecord.Items(
            row.getLong("items_computed", 0),
            row.getLong("items_cached", 0),
            row.getLong("items_failed", 0)),
        goals);
  }

  /** A file that keeps nothing written to it, for {@link #rehearse}. */
  private static final class Nowhere implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) {
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          position += length;
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
