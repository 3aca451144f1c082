package org.voxbeam.benchmarks.frontend;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.voxbeam.benchmarks.Distribution;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code frontend} benchmark: reduces generated programs ({@link ProgramShape}) and, in the
 * same round, hashes every node of the resulting plan again, the work no front end producing
 * VoxLogicA-2's ids can avoid; the ratio says how much the front end costs beyond it. A case that
 * does not finish within the timeout, or fails, is reported as such, so the same command measures a
 * front end that is quadratic or exponential on these shapes (run it with an older build's jars on
 * the class path for the "before" figures). Uses only API that older builds have too: {@code
 * Reducer.standard().reduceText} and {@code Node.contentId}.
 */
@Command(
    name = "frontend",
    mixinStandardHelpOptions = true,
    description = "Time to reduce generated programs, against re-hashing their plans' nodes.")
public final class FrontendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--case",
      paramLabel = "SHAPE:SIZE",
      split = ",",
      defaultValue =
          "declarations:1000,declarations:10000,declarations:30000,declarations:100000,"
              + "doubling:16,doubling:20,definitions:20000,comments:600,comments:100000,"
              + "prints:100000",
      description =
          "Shapes (declarations, doubling, definitions, comments, prints) and sizes"
              + " (default: ${DEFAULT-VALUE}).")
  List<String> cases;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "3",
      description = "Timed rounds per case, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--timeout-s",
      paramLabel = "S",
      defaultValue = "120",
      description = "Give up on a round after this many seconds (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--label",
      defaultValue = "this build",
      description = "What is measured, for the report title.")
  String label;

  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException {
    Report report =
        new Report("Front end: " + label)
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "%d timed rounds after one warm-up; median (min–max). The baseline hashes every"
                        + " node of the plan again (canonical JSON and SHA-256, as its id is"
                        + " computed); the ratio is reduction time over baseline time in the same"
                        + " round. A round that exceeds %d s or fails ends its case.",
                    repeats,
                    timeoutSeconds));
    MarkdownTable table =
        new MarkdownTable(
            "program", "characters", "plan nodes", "reduce ms", "baseline ms", "× baseline");
    for (String spec : cases) {
      String[] parts = spec.split(":");
      ProgramShape shape = ProgramShape.named(parts[0]);
      int size = Integer.parseInt(parts[1]);
      measure(table, shape, size);
    }
    report.table("Reduction time by program shape", table);
    report.emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private void measure(MarkdownTable table, ProgramShape shape, int size) {
    String program = shape.program(size);
    double[] reduce = new double[repeats];
    double[] baseline = new double[repeats];
    double[] ratio = new double[repeats];
    int nodes = 0;
    for (int round = -1; round < repeats; round++) {
      long start = System.nanoTime();
      Plan plan;
      try {
        plan = reduceWithin(program);
      } catch (TimeoutException e) {
        String over = "> " + timeoutSeconds * 1000;
        table.row(shape.label(size), program.length(), "—", over, "—", "—");
        return;
      } catch (ExecutionException e) {
        String failed = "failed: " + e.getCause().getClass().getSimpleName();
        table.row(shape.label(size), program.length(), "—", failed, "—", "—");
        return;
      }
      double reduced = (System.nanoTime() - start) / 1e6;
      long began = System.nanoTime();
      for (Node node : plan.nodes().values()) {
        node.contentId();
      }
      double hashed = (System.nanoTime() - began) / 1e6;
      nodes = plan.nodes().size();
      if (round >= 0) {
        reduce[round] = reduced;
        baseline[round] = hashed;
        ratio[round] = reduced / hashed;
      }
    }
    table.row(
        shape.label(size),
        program.length(),
        nodes,
        Distribution.of(reduce).format(0),
        Distribution.of(baseline).format(0),
        Distribution.of(ratio).format(1));
  }

  /** Reduces on a daemon thread, so a case that runs away can be abandoned. */
  private Plan reduceWithin(String program) throws TimeoutException, ExecutionException {
    CompletableFuture<Plan> plan = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                plan.complete(Reducer.standard().reduceText(program, "bench.imgql"));
              } catch (Throwable e) {
                plan.completeExceptionally(e);
              }
            },
            "frontend-bench");
    worker.setDaemon(true);
    worker.start();
    try {
      return plan.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    }
  }
}
