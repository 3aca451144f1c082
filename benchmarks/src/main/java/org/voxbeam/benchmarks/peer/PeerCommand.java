package org.voxbeam.benchmarks.peer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code peer} benchmark: each workload run as a user runs it, one process per run, by VoxBeam
 * in process, VoxBeam on the DirectRunner and (given a checkout) VoxLogicA-2; cold over an empty
 * store, then warm over the store the cold run left. Rounds interleave the engines, so the ratios
 * compare runs made under the same machine load; the ratio columns are medians of per-round ratios.
 */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    description = "Whole-process cold and warm runs of ImgQL workloads, against VoxLogicA-2.")
public final class PeerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--launcher",
      paramLabel = "JAR",
      defaultValue = "launcher/target/launcher.jar",
      description = "VoxBeam's launcher jar (default: ${DEFAULT-VALUE}).")
  Path launcher;

  @Option(
      names = "--voxlogica2",
      paramLabel = "DIR",
      description = "A VoxLogicA-2 checkout; without it only VoxBeam runs.")
  Path voxlogica2;

  @Option(
      names = "--python",
      defaultValue = "python3",
      description = "The Python that runs VoxLogicA-2 (default: ${DEFAULT-VALUE}).")
  String python;

  @Option(
      names = "--python-path",
      paramLabel = "DIR",
      description = "Put DIR ahead of VoxLogicA-2's sources on PYTHONPATH (repeatable).")
  List<Path> pythonPath = new ArrayList<>();

  @Option(
      names = "--voxlogica2-images",
      description = "SimpleITK is installed: let VoxLogicA-2 run the image workloads too.")
  boolean voxlogica2Images;

  @Option(
      names = "--direct-runner",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Also run VoxBeam on Beam's DirectRunner (default: ${DEFAULT-VALUE}).")
  boolean directRunner;

  @Option(
      names = "--class-data",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Start VoxBeam through the start-up script beside the jar (its class-data archive and"
              + " collector), as a user does; otherwise with java -jar (default: ${DEFAULT-VALUE}).")
  boolean classData;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "../shared/data",
      description = "The folder holding the synthetic dataset (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--workload",
      paramLabel = "NAME",
      split = ",",
      description = "Only these workloads (default: all of them).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "3",
      description = "Rounds per workload (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--timeout-s",
      paramLabel = "S",
      defaultValue = "300",
      description =
          "A run longer than this is stopped and its engine skips the workload's remaining rounds"
              + " (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Mixin ScratchDirectory scratchDirectory;
  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(launcher)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "no launcher jar at " + launcher + " (build it with mvn package)");
    }
    List<Engine> engines = engines();
    List<Workload> workloads =
        Workload.all(data).stream()
            .filter(workload -> only.isEmpty() || only.contains(workload.name()))
            .toList();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<String> header = new ArrayList<>(List.of("workload"));
    for (Engine engine : engines) {
      header.add(engine.label() + " cold ms");
      header.add(engine.label() + " warm ms");
    }
    header.add("VoxBeam warm ÷ cold");
    if (voxlogica2 != null) {
      header.add("VoxLogicA-2 ÷ VoxBeam, cold");
      header.add("VoxLogicA-2 ÷ VoxBeam, warm");
    }
    MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
    try (Scratch scratch = new Scratch(scratchDirectory.path())) {
      for (Workload workload : workloads) {
        table.row(measure(workload, engines, scratch).toArray());
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Report report =
        new Report("Peer benchmark: whole-process runs")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "%d interleaved rounds per workload; median (min–max) wall time of one process"
                        + " from start to exit, output to a file. Cold: an empty store; warm: the"
                        + " store the cold run of the same round left. Ratios are medians of"
                        + " per-round ratios (above 1: VoxBeam faster). Load average %.1f before,"
                        + " %.1f after. \"n/a\": the engine cannot run the workload here;"
                        + " \"> %d s\": stopped at the timeout; \"failed\": non-zero exit.",
                    repeats,
                    loadBefore,
                    loadAfter,
                    timeoutSeconds));
    workloads.forEach(
        workload -> report.paragraph("- `" + workload.name() + "`: " + workload.description()));
    report.table("Whole-process wall time", table);
    report.emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private List<Engine> engines() {
    List<Engine> engines = new ArrayList<>();
    engines.add(new Engine.VoxBeam(launcher, Optional.empty(), classData));
    if (directRunner) {
      engines.add(new Engine.VoxBeam(launcher, Optional.of("DirectRunner"), classData));
    }
    if (voxlogica2 != null) {
      engines.add(new Engine.VoxLogica2(voxlogica2, python, pythonPath, voxlogica2Images));
    }
    return engines;
  }

  /** One table row: every engine's cold and warm times, then the ratios. */
  private List<Object> measure(Workload workload, List<Engine> engines, Scratch scratch)
      throws IOException {
    Path folder = scratch.newDirectory(workload.name());
    Path program =
        Files.writeString(folder.resolve(workload.name() + ".imgql"), workload.program());
    Map<Engine, Samples> samples = new LinkedHashMap<>();
    engines.forEach(engine -> samples.put(engine, new Samples(engine.runs(workload))));
    for (int round = 0; round < repeats; round++) {
      for (Engine engine : engines) {
        Samples engineSamples = samples.get(engine);
        if (engineSamples.ended()) {
          continue;
        }
        Path store = scratch.newDirectory("store");
        Path log = folder.resolve(engine.label().replace(' ', '-') + ".log");
        RunOutcome cold = TimedRun.run(engine, program, store, log, timeoutSeconds);
        RunOutcome warm =
            cold instanceof RunOutcome.Finished
                ? TimedRun.run(engine, program, store, log, timeoutSeconds)
                : cold;
        engineSamples.add(new Samples.Round(cold, warm));
        Scratch.delete(store);
      }
    }
    List<Object> row = new ArrayList<>(List.of(workload.name()));
    for (Engine engine : engines) {
      row.add(samples.get(engine).cell(Samples.Side.COLD, timeoutSeconds));
      row.add(samples.get(engine).cell(Samples.Side.WARM, timeoutSeconds));
    }
    Samples voxbeam = samples.get(engines.get(0));
    row.add(voxbeam.ratio(Samples.Side.WARM, voxbeam, Samples.Side.COLD, timeoutSeconds));
    if (voxlogica2 != null) {
      Samples peer = samples.get(engines.get(engines.size() - 1));
      row.add(peer.ratio(Samples.Side.COLD, voxbeam, Samples.Side.COLD, timeoutSeconds));
      row.add(peer.ratio(Samples.Side.WARM, voxbeam, Samples.Side.WARM, timeoutSeconds));
    }
    return row;
  }
}
