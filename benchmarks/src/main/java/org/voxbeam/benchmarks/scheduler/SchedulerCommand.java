package org.voxbeam.benchmarks.scheduler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code scheduler} benchmark: per-node cost of the in-process scheduler, cold and warm, on the
 * in-memory and the Parquet store, against a plain evaluation loop measured in the same run (see
 * {@link SchedulerBenchmark}). Prints Markdown.
 */
@Command(
    name = "scheduler",
    mixinStandardHelpOptions = true,
    description = "Per-node cost of the in-process scheduler on synthetic layered plans.")
public final class SchedulerCommand implements Callable<Integer> {
  private static final String PLAIN_OPERATOR = "vox1.+";
  private static final int LARGE = 1_000_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--sizes",
      split = ",",
      paramLabel = "N",
      defaultValue = "10000,100000",
      description = "Plan sizes in nodes, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--large",
      description = "Also measure a plan of 1,000,000 nodes (several minutes).")
  boolean large;

  @Option(
      names = "--width",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Nodes per level; the last level is the goals (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(
      names = "--fan-in",
      paramLabel = "N",
      defaultValue = "2",
      description = "Inputs per node (default: ${DEFAULT-VALUE}).")
  int fanIn;

  @Option(
      names = "--op-cost",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Busy-work loop steps per node; 0 uses vox1.+, more uses "
              + BusyWorkOperators.QUALIFIED_NAME
              + " (default: ${DEFAULT-VALUE}).")
  int opCost;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Scheduler worker threads (default: one per core).")
  Integer threads;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed rounds per size, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--in-memory-only", description = "Skip the Parquet store.")
  boolean inMemoryOnly;

  @Mixin ScratchDirectory directory;

  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException {
    validate();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    String operator = opCost == 0 ? PLAIN_OPERATOR : BusyWorkOperators.QUALIFIED_NAME;
    NodeEvaluator evaluator =
        new NodeEvaluator(StandardLibrary.registry(List.of(new BusyWorkOperators(opCost))));
    TreeSet<Integer> ascending = new TreeSet<>(sizes);
    if (large) {
      ascending.add(LARGE);
    }
    List<SchedulerMeasurement> measurements = new ArrayList<>();
    try (Scratch scratch = new Scratch(directory.path())) {
      SchedulerBenchmark benchmark =
          new SchedulerBenchmark(
              width,
              fanIn,
              operator,
              evaluator,
              SchedulerOptions.defaults().withThreads(workers),
              !inMemoryOnly,
              scratch);
      for (int size : ascending) {
        measurements.add(benchmark.measure(size, repeats));
      }
    }
    report(operator, workers, measurements).emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private Report report(String operator, int workers, List<SchedulerMeasurement> measurements) {
    String work = opCost == 0 ? operator : operator + " with " + opCost + " loop steps";
    Report report =
        new Report("Scheduler")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "Layered plans of width %d, fan-in %d, operator %s; %d scheduler thread(s); "
                        + "%d timed rounds after one warm-up; median (min–max) over rounds. "
                        + "Baseline: the same evaluations in a sequential loop in topological order into a HashMap, "
                        + "no scheduler, no store. \"× baseline\" is each round's time over that round's baseline.",
                    width,
                    fanIn,
                    work,
                    workers,
                    repeats));
    MarkdownTable table =
        new MarkdownTable("nodes", "store", "run", "µs/node", "× baseline", "peak heap (MB)");
    MarkdownTable plans =
        new MarkdownTable("nodes", "goals", "generate + validate (s)", "plan heap (MB)");
    for (SchedulerMeasurement m : measurements) {
      for (Phase phase : m.phases()) {
        table.row(
            String.format(Locale.ROOT, "%,d", m.nodes()),
            phase.store,
            phase.run,
            m.microsPerNode(phase).formatSmall(2),
            phase == Phase.BASELINE ? "1" : m.overBaseline(phase).formatSmall(2),
            m.peakHeapMegabytes(phase).format(0));
      }
      plans.row(
          String.format(Locale.ROOT, "%,d", m.nodes()),
          m.goals(),
          String.format(Locale.ROOT, "%.1f", m.generationNanos() / 1e9),
          String.format(Locale.ROOT, "%.0f", m.planHeapBytes() / (double) (1 << 20)));
    }
    return report.table("Time per node", table).table("Plans (measured once, not compared)", plans);
  }

  private void validate() {
    if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
      throw usage("--sizes must be positive node counts, got " + sizes);
    }
    if (width < 1 || fanIn < 1 || opCost < 0 || repeats < 1 || (threads != null && threads < 1)) {
      throw usage(
          "--width, --fan-in, --repeats and --threads must be at least 1, --op-cost at least 0");
    }
    if (opCost == 0 && fanIn != 2) {
      throw usage(
          PLAIN_OPERATOR + " takes two inputs: use --fan-in 2, or --op-cost > 0 for any fan-in");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
