package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.voxbeam.benchmarks.Distribution;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code store} benchmark: blob throughput, row commits, open time and lookup latency of the
 * Parquet result store, each against a baseline measured in the same run. Prints Markdown.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description =
        "Throughput and latency of the Parquet result store against plain-file baselines.")
public final class StoreCommand implements Callable<Integer> {
  private static final Set<String> PARTS = Set.of("blobs", "rows", "open", "lookup", "fsync");

  @Spec CommandSpec spec;

  @Option(
      names = "--parts",
      split = ",",
      defaultValue = "blobs,rows,open,lookup",
      description = "What to measure, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> parts;

  @Option(
      names = "--blob-sizes",
      split = ",",
      paramLabel = "BYTES",
      defaultValue = "4096,65536,1048576,16777216,67108864",
      description = "Blob sizes (default: ${DEFAULT-VALUE}).")
  List<Long> blobSizes;

  @Option(
      names = "--blob-sample-mb",
      paramLabel = "MB",
      defaultValue = "128",
      description =
          "Bytes moved per blob sample, in MiB; at most 4,096 blobs (default: ${DEFAULT-VALUE}).")
  int blobSampleMegabytes;

  @Option(
      names = "--batch-sizes",
      split = ",",
      paramLabel = "N",
      defaultValue = "1,1024,16384",
      description = "Results per putAll for the row benchmark (default: ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  @Option(
      names = "--row-sample",
      paramLabel = "N",
      defaultValue = "131072",
      description = "Rows committed per row sample (default: ${DEFAULT-VALUE}).")
  int rowSample;

  @Option(
      names = "--store-rows",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Rows of the store opened and looked up in (default: ${DEFAULT-VALUE}).")
  int storeRows;

  @Option(
      names = "--lookups",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Lookups per kind and round (default: ${DEFAULT-VALUE}).")
  int lookups;

  @Option(
      names = "--first-reads",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "First-read lookups per round, each may decode a segment (default: ${DEFAULT-VALUE}).")
  int firstReads;

  @Option(
      names = "--fsync-commits",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Commits per mode and round of the fsync benchmark (part fsync; default: ${DEFAULT-VALUE}).")
  int fsyncCommits;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed rounds, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin ScratchDirectory directory;

  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException {
    validate();
    Report report =
        new Report("Store")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "%d timed rounds after one warm-up; median (min–max) over rounds. Ratios are computed per round "
                        + "against the baseline measured in that round; for throughput, above 1 means the store is faster.",
                    repeats));
    try (Scratch scratch = new Scratch(directory.path())) {
      if (parts.contains("blobs")) {
        blobs(
            report,
            new BlobBenchmark(scratch, repeats, (long) blobSampleMegabytes << 20, 4096)
                .run(blobSizes));
      }
      if (parts.contains("fsync")) {
        new DurabilityBenchmark(scratch, repeats, fsyncCommits).run(report);
      }
      if (parts.contains("rows")) {
        rows(report, new RowBenchmark(scratch, repeats, rowSample).run(batchSizes));
      }
      if (parts.contains("open") || parts.contains("lookup")) {
        LargeStore large = LargeStore.build(scratch.newDirectory("large-store"), storeRows);
        report.paragraph(
            String.format(
                Locale.ROOT,
                "A store of %,d number results was written in batches of %,d (%,d segments) in %.1f s (%,.0f rows/s, measured once).",
                large.rows(),
                LargeStore.BATCH,
                (large.rows() + LargeStore.BATCH - 1) / LargeStore.BATCH,
                large.buildNanos() / 1e9,
                large.rows() / (large.buildNanos() / 1e9)));
        if (parts.contains("open")) {
          open(report, large, new OpenBenchmark(large).run(repeats));
        }
        if (parts.contains("lookup")) {
          lookup(report, large, new LookupBenchmark(large, lookups, firstReads).run(repeats));
        }
      }
    }
    report.emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private static void blobs(Report report, List<BlobMeasurement> measurements) {
    MarkdownTable writes =
        new MarkdownTable(
            "blob size",
            "blobs",
            "Files.write (MB/s)",
            "store (MB/s)",
            "store / Files.write",
            "SHA-256 alone (MB/s)");
    MarkdownTable reads =
        new MarkdownTable(
            "blob size",
            "blobs",
            "Files.readAllBytes (MB/s)",
            "store, verify on (MB/s)",
            "verify on / plain",
            "store, verify off (MB/s)",
            "verify off / plain");
    for (BlobMeasurement m : measurements) {
      String size = bytes(m.blobBytes());
      writes.row(
          size,
          m.blobs(),
          m.megabytesPerSecond(BlobRound::plainWrite).format(0),
          m.megabytesPerSecond(BlobRound::storeWrite).format(0),
          m.throughputRatio(BlobRound::storeWrite, BlobRound::plainWrite).format(2),
          m.megabytesPerSecond(BlobRound::hash).format(0));
      reads.row(
          size,
          m.blobs(),
          m.megabytesPerSecond(BlobRound::plainRead).format(0),
          m.megabytesPerSecond(BlobRound::storeReadVerified).format(0),
          m.throughputRatio(BlobRound::storeReadVerified, BlobRound::plainRead).format(2),
          m.megabytesPerSecond(BlobRound::storeRead).format(0),
          m.throughputRatio(BlobRound::storeRead, BlobRound::plainRead).format(2));
    }
    report
        .table("Blob writes (results in batches of " + BlobBenchmark.BATCH + ")", writes)
        .table("Blob reads (fresh store, page cache warm)", reads);
  }

  private static void rows(Report report, List<RowMeasurement> measurements) {
    MarkdownTable table =
        new MarkdownTable(
            "batch",
            "rows",
            "store (rows/s)",
            "plain Parquet (rows/s)",
            "store / plain Parquet",
            "plain binary file (rows/s)",
            "store / binary file",
            "encode alone (µs/row)",
            "segment write alone (µs/row)");
    for (RowMeasurement m : measurements) {
      table.row(
          String.format(Locale.ROOT, "%,d", m.batchSize()),
          String.format(Locale.ROOT, "%,d", m.rows()),
          m.rowsPerSecond(RowRound::store).format(0),
          m.rowsPerSecond(RowRound::plainParquet).format(0),
          m.storeOver(RowRound::plainParquet).format(2),
          m.rowsPerSecond(RowRound::plainBinary).format(0),
          m.storeOver(RowRound::plainBinary).format(2),
          m.microsPerRow(RowRound::encode).format(2),
          m.microsPerRow(RowRound::segmentWrite).format(2));
    }
    report.table(
        "Row commits (number results; baseline: plain Parquet writer, one file per batch)", table);
  }

  private static void open(Report report, LargeStore large, List<OpenRound> rounds) {
    MarkdownTable table =
        new MarkdownTable(
            "", "time (s)", "retained heap (MB)", "time × baseline", "heap × baseline");
    table.row(
        "store open",
        seconds(rounds, OpenRound::storeNanos),
        megabytes(rounds, OpenRound::storeHeapBytes),
        ratio(rounds, OpenRound::storeNanos, OpenRound::baselineNanos),
        ratio(rounds, OpenRound::storeHeapBytes, OpenRound::baselineHeapBytes));
    table.row(
        "plain id index (baseline)",
        seconds(rounds, OpenRound::baselineNanos),
        megabytes(rounds, OpenRound::baselineHeapBytes),
        "1",
        "1");
    report.table(String.format(Locale.ROOT, "Open a store of %,d results", large.rows()), table);
  }

  private static void lookup(
      Report report, LargeStore large, List<Map<LookupKind, Latency>> rounds) {
    MarkdownTable table =
        new MarkdownTable("lookup", "p50 (µs)", "p99 (µs)", "p50 × HashMap", "p99 × HashMap");
    for (LookupKind kind : LookupKind.values()) {
      table.row(
          kind.label,
          latency(rounds, kind, Latency::p50).scaled(1e-3).format(2),
          latency(rounds, kind, Latency::p99).scaled(1e-3).format(2),
          latencyRatio(rounds, kind, Latency::p50).format(1),
          latencyRatio(rounds, kind, Latency::p99).format(1));
    }
    report.table(
        String.format(Locale.ROOT, "Point lookups in a store of %,d results", large.rows()), table);
  }

  private static Distribution latency(
      List<Map<LookupKind, Latency>> rounds, LookupKind kind, ToLongFunction<Latency> statistic) {
    return Distribution.of(
        rounds.stream().mapToLong(round -> statistic.applyAsLong(round.get(kind))).toArray());
  }

  private static Distribution latencyRatio(
      List<Map<LookupKind, Latency>> rounds, LookupKind kind, ToLongFunction<Latency> statistic) {
    return Distribution.of(
        rounds.stream()
            .mapToDouble(
                round ->
                    (double) statistic.applyAsLong(round.get(kind))
                        / Math.max(1, statistic.applyAsLong(round.get(kind.baseline()))))
            .toArray());
  }

  private static String seconds(List<OpenRound> rounds, ToLongFunction<OpenRound> part) {
    return Distribution.of(rounds.stream().mapToLong(part).toArray()).scaled(1e-9).format(2);
  }

  private static String megabytes(List<OpenRound> rounds, ToLongFunction<OpenRound> part) {
    return Distribution.of(rounds.stream().mapToLong(part).toArray())
        .scaled(1.0 / (1 << 20))
        .format(0);
  }

  private static String ratio(
      List<OpenRound> rounds, ToLongFunction<OpenRound> part, ToLongFunction<OpenRound> base) {
    return Distribution.of(
            rounds.stream()
                .mapToDouble(round -> (double) part.applyAsLong(round) / base.applyAsLong(round))
                .toArray())
        .format(2);
  }

  private static String bytes(long size) {
    return size >= 1 << 20
        ? (size >> 20) + " MiB"
        : size >= 1 << 10 ? (size >> 10) + " KiB" : size + " B";
  }

  private void validate() {
    if (!PARTS.containsAll(parts)) {
      throw usage("--parts takes " + PARTS + ", got " + parts);
    }
    if (repeats < 1
        || rowSample < 1
        || storeRows < 1
        || lookups < 1
        || firstReads < 1
        || blobSampleMegabytes < 1) {
      throw usage("counts must be at least 1");
    }
    if (blobSizes.stream().anyMatch(size -> size < 1 || size > Integer.MAX_VALUE - 8)
        || batchSizes.stream().anyMatch(size -> size < 1)) {
      throw usage("blob and batch sizes must be positive (blobs below 2 GiB)");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
