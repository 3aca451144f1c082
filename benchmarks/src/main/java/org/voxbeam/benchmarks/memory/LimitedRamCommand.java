package org.voxbeam.benchmarks.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.voxbeam.benchmarks.HeapProbe;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code limited-ram} run: an ImgQL program whose intermediate volumes add up to far more than
 * the heap, executed by the in-process scheduler over a Parquet store. It exists to show, with
 * numbers, that a small heap is enough: every volume goes to the store as a blob when it is
 * computed and leaves the heap after its last consumer has read it.
 *
 * <p>The program loads one synthetic uint8 volume, casts it to float32 as {@code img} (image
 * arithmetic keeps the pixel type, as in SimpleITK) and builds the chain {@code a1 = img + img},
 * {@code ak = a(k-1) + img}, printing {@code volume(ak > 120k)} for every k. Each {@code ak} has
 * two consumers, so it is released only once both have run. The printed counts are checked against
 * the volume's histogram, so a run that finishes with wrong numbers fails (exit code 1).
 */
@Command(
    name = "limited-ram",
    mixinStandardHelpOptions = true,
    description = "Runs a program whose intermediate volumes exceed the heap many times over.")
public final class LimitedRamCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--edge",
      paramLabel = "N",
      defaultValue = "256",
      description = "Edge of the cubic volumes in voxels (default: ${DEFAULT-VALUE}).")
  int edge;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "72",
      description = "Length of the chain of float32 volumes (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "Scheduler worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--cache-mb",
      paramLabel = "MB",
      defaultValue = "256",
      description = "The store's decoded-result cache (default: ${DEFAULT-VALUE}).")
  int cacheMb;

  @Mixin ScratchDirectory directory;

  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException {
    if (edge < 8 || steps < 1 || threads < 1 || cacheMb < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--edge must be at least 8, --steps and --threads at least 1, --cache-mb not negative");
    }
    SyntheticVolume volume = new SyntheticVolume(edge);
    HeapProbe heap = new HeapProbe();
    try (Scratch scratch = new Scratch(directory.path())) {
      Path input = scratch.newDirectory("input").resolve("volume.nii");
      volume.write(input);
      Plan plan = Reducer.standard().reduceText(program(input), "limited-ram.imgql");
      Path storeDirectory = scratch.newDirectory("store");
      heap.startPeakWindow();
      RunResult result;
      try (ParquetResultStore store =
          ParquetResultStore.open(
              storeDirectory, StoreOptions.defaults().withCacheBytes((long) cacheMb << 20))) {
        NodeEvaluator evaluator = new NodeEvaluator(StandardLibrary.registry());
        result =
            new DynamicScheduler(evaluator, store, new SchedulerOptions(threads, 1024))
                .run(plan, ExecutionListener.NONE);
      }
      long peakHeap = heap.peakUsedBytes();
      OptionalLong peakResident = ProcessMemory.peakResidentBytes();
      long stored = directoryBytes(storeDirectory);
      String wrong = check(result, volume);
      report(result, volume, stored, peakHeap, peakResident, wrong)
          .emit(spec.commandLine().getOut(), output.path());
      return wrong.isEmpty() ? 0 : 1;
    }
  }

  private String program(Path input) {
    StringBuilder text = new StringBuilder();
    text.append("import \"simpleitk\"\n");
    text.append("img = Cast(load(\"")
        .append(input.toAbsolutePath().toString().replace('\\', '/'))
        .append("\"), GetPixelIDValueFromString(\"sitkFloat32\"))\n");
    text.append("a1 = img + img\n");
    for (int k = 1; k <= steps; k++) {
      if (k > 1) {
        text.append("a").append(k).append(" = a").append(k - 1).append(" + img\n");
      }
      text.append("print \"m")
          .append(k)
          .append("\" volume(a")
          .append(k)
          .append(" > ")
          .append(120 * k)
          .append(")\n");
    }
    return text.toString();
  }

  /** The first goal whose value is not the count the histogram predicts, or "". */
  private static String check(RunResult result, SyntheticVolume volume) {
    for (GoalResult goal : result.goals()) {
      int k = Integer.parseInt(goal.goal().name().substring(1));
      long expected = volume.countAbove(k + 1L, 120L * k);
      Value value = goal.value();
      if (!(value instanceof NumberValue number) || number.value() != expected) {
        return goal.goal().name() + " is " + value + ", expected " + expected;
      }
    }
    return "";
  }

  private Report report(
      RunResult result,
      SyntheticVolume volume,
      long stored,
      long peakHeap,
      OptionalLong peakResident,
      String wrong) {
    long intermediate =
        volume.uint8Bytes()
            + volume.float32Bytes()
            + steps * (volume.float32Bytes() + volume.uint8Bytes());
    long maxHeap = Runtime.getRuntime().maxMemory();
    MarkdownTable table = new MarkdownTable("measure", "value");
    table.row(
        "volumes",
        String.format(
            Locale.ROOT,
            "%d³ voxels; 1 uint8 input and its float32 cast, %d float32, %d uint8 masks",
            edge,
            steps,
            steps));
    table.row("intermediate results (computed)", gigabytes(intermediate));
    table.row("store directory after the run", gigabytes(stored));
    table.row("max heap (-Xmx)", megabytes(maxHeap));
    table.row("peak heap (sum of pool peaks)", megabytes(peakHeap));
    table.row(
        "peak RSS (VmHWM)",
        peakResident.isPresent() ? megabytes(peakResident.getAsLong()) : "not reported by this OS");
    table.row(
        "intermediate / max heap",
        String.format(Locale.ROOT, "%.1f×", intermediate / (double) maxHeap));
    table.row("nodes computed", result.stats().computed());
    table.row(
        "wall time",
        String.format(Locale.ROOT, "%.1f s", result.stats().elapsed().toMillis() / 1e3));
    table.row(
        "goal values",
        wrong.isEmpty() ? "all " + result.goals().size() + " as predicted" : "WRONG: " + wrong);
    return new Report("Limited RAM")
        .paragraph(
            String.format(
                Locale.ROOT,
                "In-process scheduler, %d thread(s), store cache %d MB. Peak RSS is the kernel's "
                    + "VmHWM from /proc/self/status (Linux); peak heap is the sum of the heap pools' peaks "
                    + "during the run, an upper bound on the heap in use at any one time.",
                threads,
                cacheMb))
        .table("Run", table);
  }

  private static long directoryBytes(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(LimitedRamCommand::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f GB (%,d bytes)", bytes / 1e9, bytes);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }
}
