package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.voxbeam.benchmarks.Distribution;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.storage.Durability;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * What syncing costs a commit: the same commits with {@link Durability#FSYNC} and {@link
 * Durability#NONE}, alternating within each round so both see the same load. Two workloads: a
 * segment of 16 number results (what a run's timed commit of a few slow nodes writes), and one
 * result with a 1 MiB blob (a segment and a blob, each synced with its directory).
 */
final class DurabilityBenchmark {
  private final Scratch scratch;
  private final int repeats;
  private final int commits;

  DurabilityBenchmark(Scratch scratch, int repeats, int commits) {
    this.scratch = scratch;
    this.repeats = repeats;
    this.commits = commits;
  }

  void run(Report report) throws IOException {
    MarkdownTable table =
        new MarkdownTable(
            "commit",
            "commits per round",
            "fsync off (ms/commit)",
            "fsync on (ms/commit)",
            "on / off",
            "load average (1, 5, 15 min)");
    for (boolean withBlob : new boolean[] {false, true}) {
      double[] off = new double[repeats];
      double[] on = new double[repeats];
      double[] ratio = new double[repeats];
      for (int round = -1; round < repeats; round++) {
        boolean syncFirst = round % 2 == 0;
        double first =
            millisPerCommit(syncFirst ? Durability.FSYNC : Durability.NONE, withBlob, round);
        double second =
            millisPerCommit(syncFirst ? Durability.NONE : Durability.FSYNC, withBlob, round);
        if (round >= 0) {
          on[round] = syncFirst ? first : second;
          off[round] = syncFirst ? second : first;
          ratio[round] = on[round] / off[round];
        }
      }
      table.row(
          withBlob ? "1 result + 1 MiB blob" : "16 number results",
          commits,
          Distribution.of(off).format(2),
          Distribution.of(on).format(2),
          Distribution.of(ratio).format(1),
          loadAverage());
    }
    report.table("Durability: the cost of fsync per commit", table);
  }

  private double millisPerCommit(Durability durability, boolean withBlob, int round) {
    Path directory = scratch.newDirectory("durability-" + durability + "-" + round);
    SplittableRandom random = new SplittableRandom(round * 31L + (withBlob ? 1 : 0));
    try (ParquetResultStore store =
        ParquetResultStore.open(directory, StoreOptions.defaults().withDurability(durability))) {
      List<List<StoredResult>> batches = new ArrayList<>();
      for (int c = 0; c < commits; c++) {
        batches.add(batch(c, withBlob, random, durability));
      }
      long started = System.nanoTime();
      for (List<StoredResult> batch : batches) {
        store.putAll(batch);
      }
      return (System.nanoTime() - started) / 1e6 / commits;
    } finally {
      Scratch.delete(directory);
    }
  }

  private static List<StoredResult> batch(
      int commit, boolean withBlob, SplittableRandom random, Durability durability) {
    ResultMetadata metadata = new ResultMetadata("bench.op", Duration.ZERO, Instant.now(), "bench");
    List<StoredResult> batch = new ArrayList<>();
    if (withBlob) {
      byte[] payload = new byte[1 << 20];
      random.nextBytes(payload);
      batch.add(
          new StoredResult(
              NodeHashing.sha256(durability + "-blob-" + commit),
              new BytesValue(InMemoryBlob.adopt(payload)),
              metadata));
    } else {
      for (int i = 0; i < 16; i++) {
        batch.add(
            new StoredResult(
                NodeHashing.sha256(durability + "-n-" + commit + "-" + i),
                new NumberValue(random.nextDouble()),
                metadata));
      }
    }
    return batch;
  }

  /** The load averages as {@code uptime} prints them, from /proc/loadavg where there is one. */
  static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return String.format(Locale.ROOT, "%s, %s, %s", fields[0], fields[1], fields[2]);
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
