package org.voxbeam.benchmarks.beam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.transforms.VoxBeamOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The {@code beam} benchmark: a cold run of a synthetic plan, or of an ImgQL {@code for} over many
 * items ({@code --for-items}), as a Beam pipeline on the DirectRunner against the in-process
 * scheduler measured in the same round (see {@link BeamBenchmark}), for one or more stage caps.
 * Prints Markdown.
 */
@Command(
    name = "beam",
    mixinStandardHelpOptions = true,
    description =
        "Beam lowering on the DirectRunner against the in-process scheduler, on synthetic layered"
            + " plans or an ImgQL for over many items. Options not listed here (--name=value) are"
            + " given to Beam.")
public final class BeamCommand implements Callable<Integer> {
  private static final String DIRECT_RUNNER_CHECKS =
      "--enforceImmutability=true --enforceEncodability=true";

  @Spec CommandSpec spec;

  @Option(
      names = "--sizes",
      split = ",",
      paramLabel = "N",
      defaultValue = "10000,100000",
      description = "Plan sizes in nodes, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--for-items",
      split = ",",
      paramLabel = "N",
      description =
          "Instead of synthetic plans, time the ImgQL program `s = for i in range(0, N) do i * 2 + 1`"
              + " with a `fold + 0 s` goal, for each N, comma-separated.")
  List<Integer> forItems;

  @Option(
      names = "--width",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Nodes per level; the last level is the goals (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(
      names = "--max-stages",
      split = ",",
      paramLabel = "N",
      description = "Stage caps to measure, comma-separated (default: VoxBeam's default cap).")
  List<Integer> maxStages;

  @Option(
      names = "--with-checks",
      description =
          "Also measure each cap with the DirectRunner's immutability and encodability checks on.")
  boolean withChecks;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads of both engines (default: one per core).")
  Integer threads;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed rounds per size, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin ScratchDirectory directory;

  @Mixin ReportFile output;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    validate();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    List<Variant> variants = variants();
    List<BeamMeasurement> measurements = new ArrayList<>();
    try (Scratch scratch = new Scratch(directory.path())) {
      BeamBenchmark benchmark =
          new BeamBenchmark(
              workers, variants, new NodeEvaluator(StandardLibrary.registry()), scratch);
      for (Workload workload : workloads()) {
        measurements.add(benchmark.measure(workload, repeats));
      }
    }
    report(workers, variants, measurements).emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private List<Workload> workloads() {
    if (forItems != null && !forItems.isEmpty()) {
      return new TreeSet<>(forItems).stream().map(Workload::forItems).toList();
    }
    return new TreeSet<>(sizes).stream().map(size -> Workload.synthetic(size, width)).toList();
  }

  private List<Variant> variants() {
    List<Integer> caps =
        maxStages == null || maxStages.isEmpty()
            ? List.of(PipelineOptionsFactory.create().as(VoxBeamOptions.class).getMaxStages())
            : maxStages;
    List<Variant> variants = new ArrayList<>();
    variants.add(Variant.IN_PROCESS);
    String extra = beamArgs.isEmpty() ? "" : " " + String.join(" ", beamArgs);
    for (int cap : caps) {
      variants.add(new Variant("Beam, --maxStages=" + cap + extra, cap, beamArgs));
      if (withChecks) {
        List<String> checked = new ArrayList<>(beamArgs);
        checked.addAll(List.of(DIRECT_RUNNER_CHECKS.split(" ")));
        variants.add(
            new Variant(
                "Beam, --maxStages=" + cap + extra + " " + DIRECT_RUNNER_CHECKS, cap, checked));
      }
    }
    return variants;
  }

  private Report report(int workers, List<Variant> variants, List<BeamMeasurement> measurements) {
    Report report =
        new Report("Beam lowering")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "%s; %d thread(s) for both engines; cold runs on a fresh Parquet store; %d timed"
                        + " rounds after one warm-up; median (min–max) over rounds. \"× in-process\""
                        + " is each round's time over that round's in-process scheduler run."
                        + " \"lowering\" is planning against the store plus building the pipeline,"
                        + " included in the time; \"segments\" are the segment files the run left in"
                        + " its store.",
                    forItems != null && !forItems.isEmpty()
                        ? "An ImgQL `for` over N items with a `fold` goal; µs per item"
                        : "Layered plans of width " + width + ", fan-in 2, vox1.+; µs per node",
                    workers,
                    repeats));
    MarkdownTable table =
        new MarkdownTable(
            "plan",
            "engine",
            "stages / tasks",
            "time (s)",
            "µs/unit",
            "× in-process",
            "lowering (ms)",
            "peak heap (MB)",
            "segments");
    for (BeamMeasurement m : measurements) {
      for (Variant variant : variants) {
        table.row(
            m.workload(),
            variant.label(),
            m.shape(variant),
            m.seconds(variant).format(2),
            m.microsPerUnit(variant).formatSmall(2),
            variant.isBeam() ? m.overInProcess(variant).format(2) : "1",
            variant.isBeam() ? m.loweringMillis(variant).format(0) : "—",
            m.peakHeapMegabytes(variant).format(0),
            m.segments(variant).format(0));
      }
    }
    return report.table("Cold runs", table);
  }

  private void validate() {
    if (forItems != null && forItems.stream().anyMatch(items -> items < 1)) {
      throw usage("--for-items must be positive item counts, got " + forItems);
    }
    if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
      throw usage("--sizes must be positive node counts, got " + sizes);
    }
    if (maxStages != null && maxStages.stream().anyMatch(cap -> cap < 1)) {
      throw usage("--max-stages must be at least 1, got " + maxStages);
    }
    if (width < 1 || repeats < 1 || (threads != null && threads < 1)) {
      throw usage("--width, --repeats and --threads must be at least 1");
    }
    if (beamArgs.stream().anyMatch(arg -> !arg.startsWith("--") || !arg.contains("="))) {
      throw usage("options given to Beam take the form --name=value, got " + beamArgs);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
