package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.voxbeam.benchmarks.Distribution;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code sequence-read} benchmark: a warm read of a stored sequence of numbers, by a fresh
 * store instance over the existing directory (the page cache warm, the store's caches empty), as a
 * second run of a {@code map} does. The baseline, in the same round, reads the same items one row
 * at a time ({@code get} of each item's id on another fresh instance), which is what decoding the
 * sequence cost before its items were read a segment at a time. A sequence written with its items
 * is one row (format version 5): its items have no rows to read one at a time.
 */
@Command(
    name = "sequence-read",
    mixinStandardHelpOptions = true,
    description = "Warm read of a stored sequence, against reading its items one row at a time.")
public final class SequenceReadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--items",
      paramLabel = "N",
      split = ",",
      defaultValue = "1000,10000",
      description = "Items of the sequence (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed rounds, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin ScratchDirectory scratch;
  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException {
    MarkdownTable table =
        new MarkdownTable("sequence", "items", "read ms", "one row at a time ms", "speed-up");
    try (Scratch dirs = new Scratch(scratch.path())) {
      for (int size : sizes) {
        measure(table, dirs, size, false);
        measure(table, dirs, size, true);
      }
    }
    new Report("Warm read of a stored sequence")
        .paragraph(
            String.format(
                Locale.ROOT,
                "%d timed rounds after one warm-up; median (min–max). Each read opens a fresh store"
                    + " over the directory. \"in its row\": the items written with the"
                    + " sequence, in its row; \"committed\": the items committed first, in 10"
                    + " segments, as a map's items are.",
                repeats))
        .table("Warm sequence reads", table)
        .emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private void measure(MarkdownTable table, Scratch dirs, int size, boolean committed) {
    Path directory = dirs.newDirectory("sequence-" + size + (committed ? "-committed" : ""));
    NodeId parent = NodeHashing.sha256("sequence-read " + size);
    SequenceValue sequence = write(directory, parent, size, committed);
    double[] read = new double[repeats];
    double[] rowwise = new double[repeats];
    double[] ratio = new double[repeats];
    for (int round = -1; round < repeats; round++) {
      long start = System.nanoTime();
      try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
        if (!store.get(parent).orElseThrow().value().equals(sequence)) {
          throw new IllegalStateException("the sequence read back differs");
        }
      }
      double whole = (System.nanoTime() - start) / 1e6;
      if (round >= 0) {
        read[round] = whole;
      }
      if (committed) {
        double items = readItems(directory, parent, sequence);
        if (round >= 0) {
          rowwise[round] = items;
          ratio[round] = items / whole;
        }
      }
    }
    table.row(
        committed ? "committed" : "in its row",
        size,
        Distribution.of(read).format(0),
        committed ? Distribution.of(rowwise).format(0) : "no item rows",
        committed ? Distribution.of(ratio).format(1) : "—");
  }

  /** Milliseconds to read the items of {@code sequence} one row at a time, in a fresh store. */
  private static double readItems(Path directory, NodeId parent, SequenceValue sequence) {
    long start = System.nanoTime();
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      for (int i = 0; i < sequence.size(); i++) {
        Value item = store.get(NodeHashing.sequenceItemId(parent, i)).orElseThrow().value();
        if (!item.equals(sequence.items().get(i))) {
          throw new IllegalStateException("item " + i + " read back differs");
        }
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static SequenceValue write(Path directory, NodeId parent, int size, boolean committed) {
    ResultMetadata metadata =
        new ResultMetadata("bench.map", Duration.ofMillis(1), Instant.now(), "bench");
    List<Value> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(new NumberValue(i * 0.5));
    }
    SequenceValue sequence = new SequenceValue(items);
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      if (committed) {
        int batch = Math.max(1, size / 10);
        for (int from = 0; from < size; from += batch) {
          List<StoredResult> rows = new ArrayList<>();
          for (int i = from; i < Math.min(size, from + batch); i++) {
            rows.add(
                new StoredResult(NodeHashing.sequenceItemId(parent, i), items.get(i), metadata));
          }
          store.putAll(rows);
        }
      }
      store.putAll(List.of(new StoredResult(parent, sequence, metadata, committed)));
    }
    return sequence;
  }
}
