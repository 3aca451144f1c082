package org.voxbeam.benchmarks.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.operators.library.StandardLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code images} benchmark: the per-voxel cost of representative image operators on a real T1
 * volume and on a synthetic cube, each round against a plain loop over the same voxels in a
 * primitive array ({@link PlainPass}), and NIfTI read/write throughput against copying the raw
 * file. Both sides of every ratio are measured in the same round. Prints Markdown.
 */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description =
        "Per-voxel cost of image operators and NIfTI throughput against plain-loop and file-copy baselines.")
public final class ImagesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--t1",
      paramLabel = "FILE",
      defaultValue = "../shared/data/chris_t1.nii.gz",
      description = "A uint8 NIfTI volume to measure on (default: ${DEFAULT-VALUE}).")
  Path t1;

  @Option(
      names = "--t1-threshold",
      paramLabel = "LEVEL",
      defaultValue = "60",
      description = "Grey level above which a T1 voxel is in the mask (default: ${DEFAULT-VALUE}).")
  int t1Threshold;

  @Option(
      names = "--cube",
      paramLabel = "SIDE",
      defaultValue = "256",
      description = "Side of the synthetic cube, 0 to skip it (default: ${DEFAULT-VALUE}).")
  int cube;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed rounds, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin ScratchDirectory directory;

  @Mixin ReportFile output;

  private final OperatorRegistry registry = StandardLibrary.registry();
  private final ImageFiles files = new ImageFiles();

  @Override
  public Integer call() throws IOException {
    List<BenchVolume> volumes = new ArrayList<>();
    ImageValue t1Image = (ImageValue) files.read(t1);
    volumes.add(
        new BenchVolume(
            t1.getFileName().toString() + " " + sizeText(t1Image),
            t1Image,
            t1Image.voxels().readAllBytes(),
            t1Threshold));
    if (cube > 0) {
      volumes.add(BenchVolume.syntheticCube(cube, 42));
    }
    Report report =
        new Report("Images")
            .paragraph(
                String.format(
                    Locale.ROOT,
                    "%d timed rounds after one warm-up; median (min–max) over rounds. The baseline is one plain loop "
                        + "over the same uint8 voxels in a byte[] (threshold into a fresh byte[]); each ratio is the "
                        + "operator's time over the baseline's in the same round. Operators are called through the "
                        + "registry, as a program calls them, and allocate their result.",
                    repeats));
    try (Scratch scratch = new Scratch(directory.path())) {
      for (BenchVolume volume : volumes) {
        operators(report, volume);
        nifti(report, volume, scratch.newDirectory("nifti"));
      }
    }
    report.emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private void operators(Report report, BenchVolume volume) {
    ImageValue mask =
        (ImageValue)
            registry
                .require("vox1.>")
                .apply(Arguments.of(List.of(volume.image(), new NumberValue(volume.threshold()))));
    double maskVoxels =
        ((NumberValue) registry.require("vox1.volume").apply(Arguments.of(List.of(mask)))).value();
    List<ImageOperatorCase> cases = ImageOperatorCase.standard(registry);
    double[] baseline = new double[repeats];
    double[][] times = new double[cases.size()][repeats];
    for (int round = -1; round < repeats; round++) {
      long start = System.nanoTime();
      PlainPass.threshold(volume.voxels(), volume.threshold());
      double base = System.nanoTime() - start;
      for (int c = 0; c < cases.size(); c++) {
        long began = System.nanoTime();
        Value result = cases.get(c).apply(volume, mask);
        double took = System.nanoTime() - began;
        if (result == null) {
          throw new IllegalStateException(cases.get(c).label() + " returned nothing");
        }
        if (round >= 0) {
          times[c][round] = took;
        }
      }
      if (round >= 0) {
        baseline[round] = base;
      }
    }
    double voxels = volume.voxelCount();
    MarkdownTable table = new MarkdownTable("operator", "ns / voxel", "× plain loop");
    table.row("plain loop (baseline)", Distribution.of(baseline).scaled(1 / voxels).format(2), "1");
    for (int c = 0; c < cases.size(); c++) {
      double[] ratios = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        ratios[r] = times[c][r] / baseline[r];
      }
      table.row(
          cases.get(c).label(),
          Distribution.of(times[c]).scaled(1 / voxels).format(2),
          Distribution.of(ratios).format(1));
    }
    report.table(
        String.format(
            Locale.ROOT,
            "Operators on %s (%,d voxels, mask %.1f%%)",
            volume.name(),
            volume.voxelCount(),
            100 * maskVoxels / voxels),
        table);
  }

  private void nifti(Report report, BenchVolume volume, Path scratch) throws IOException {
    Path raw = scratch.resolve("volume.nii");
    Path gz = scratch.resolve("volume.nii.gz");
    Path copy = scratch.resolve("copy.nii");
    double megabytes = volume.voxelCount() / 1e6;
    double[] writeRaw = new double[repeats];
    double[] readRaw = new double[repeats];
    double[] writeGz = new double[repeats];
    double[] readGz = new double[repeats];
    double[] copyRaw = new double[repeats];
    double[] ratioWrite = new double[repeats];
    double[] ratioRead = new double[repeats];
    for (int round = -1; round < repeats; round++) {
      double w = seconds(() -> files.write(raw, volume.image()));
      double r = seconds(() -> files.read(raw));
      double wz = seconds(() -> files.write(gz, volume.image()));
      double rz = seconds(() -> files.read(gz));
      double fileMegabytes = Files.size(raw) / 1e6;
      double c = seconds(() -> Files.copy(raw, copy, StandardCopyOption.REPLACE_EXISTING));
      Files.delete(copy);
      if (round >= 0) {
        writeRaw[round] = megabytes / w;
        readRaw[round] = megabytes / r;
        writeGz[round] = megabytes / wz;
        readGz[round] = megabytes / rz;
        copyRaw[round] = fileMegabytes / c;
        ratioWrite[round] = c / w;
        ratioRead[round] = c / r;
      }
    }
    MarkdownTable table = new MarkdownTable("operation", "MB/s (voxel bytes)", "÷ raw file copy");
    table.row("Files.copy of the .nii (baseline)", Distribution.of(copyRaw).format(0), "1");
    table.row(
        "write .nii", Distribution.of(writeRaw).format(0), Distribution.of(ratioWrite).format(2));
    table.row(
        "read .nii", Distribution.of(readRaw).format(0), Distribution.of(ratioRead).format(2));
    table.row("write .nii.gz", Distribution.of(writeGz).format(1), "");
    table.row("read .nii.gz", Distribution.of(readGz).format(1), "");
    report.table("NIfTI on " + volume.name() + " (page cache warm)", table);
  }

  /** An action that may fail with an I/O error. */
  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  private static double seconds(IoAction action) throws IOException {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String sizeText(ImageValue image) {
    List<Long> size = image.geometry().size();
    StringBuilder text = new StringBuilder();
    for (Long extent : size) {
      text.append(text.length() == 0 ? "" : "×").append(extent);
    }
    return text.toString();
  }
}
