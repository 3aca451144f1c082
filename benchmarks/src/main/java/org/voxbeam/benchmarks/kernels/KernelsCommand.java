package org.voxbeam.benchmarks.kernels;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxbeam.benchmarks.Distribution;
import org.voxbeam.benchmarks.MarkdownTable;
import org.voxbeam.benchmarks.Report;
import org.voxbeam.benchmarks.ReportFile;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.benchmarks.ScratchDirectory;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code kernels} benchmark: image kernels on a {@code float32} cube, each against a plain pass
 * over the same voxels (a threshold of a {@code float[]} into a fresh {@code byte[]}, measured in
 * the same round) and against scipy.ndimage computing the same thing on the same bytes in Debian's
 * Python, run just before. Prints Markdown with the load average.
 */
@Command(
    name = "kernels",
    mixinStandardHelpOptions = true,
    description =
        "Image kernels against a plain pass and against scipy.ndimage on the same voxels.")
public final class KernelsCommand implements Callable<Integer> {
  /** The kernel suites, one per family of operators. */
  static List<KernelSuite> suites() {
    return List.of(
        new Vox1Kernels(),
        new PixelTypeKernels(),
        new PointwiseKernels(),
        new NeighbourhoodKernels(),
        new LabelGridKernels());
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--side",
      defaultValue = "256",
      description = "Side of the cube (default: ${DEFAULT-VALUE}).")
  int side;

  @Option(
      names = "--repeats",
      defaultValue = "3",
      description = "Timed rounds after one warm-up (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--suite", description = "Only these suites (repeatable); default: all.")
  List<String> only;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with numpy and scipy (default: ${DEFAULT-VALUE}).")
  String python;

  @Option(names = "--no-scipy", description = "Skip the scipy side.")
  boolean noScipy;

  @Mixin ScratchDirectory directory;

  @Mixin ReportFile output;

  @Override
  public Integer call() throws IOException, InterruptedException {
    OperatorRegistry registry = StandardLibrary.registry();
    KernelInputs inputs = KernelInputs.cube(side, 42);
    Report report = new Report("Image kernels");
    report.paragraph(
        String.format(
            Locale.ROOT,
            "float32 cube of side %d (%,d voxels), mask of the voxels above %.0f; %d timed rounds after one "
                + "warm-up, median (min–max). Baseline: a plain Java pass thresholding the same voxels in a "
                + "float[] into a fresh byte[], in the same round. scipy: the same computation with "
                + "scipy.ndimage/numpy on the same bytes (single-threaded, as they are). Load average before: %s.",
            side,
            inputs.voxelCount(),
            inputs.threshold(),
            repeats,
            load()));
    float[] plain = floats(inputs);
    try (Scratch scratch = new Scratch(directory.path())) {
      for (KernelSuite suite : suites()) {
        if (only != null && !only.contains(suite.name())) {
          continue;
        }
        List<KernelCase> cases = suite.cases(registry);
        Map<String, double[]> scipy =
            noScipy
                ? Map.of()
                : new ScipyPeer(python)
                    .time(inputs, cases, repeats, scratch.newDirectory(suite.name()));
        report.table(suite.name() + " kernels", measure(inputs, plain, cases, scipy));
      }
    }
    report.paragraph("Load average after: " + load() + ".");
    report.emit(spec.commandLine().getOut(), output.path());
    return 0;
  }

  private MarkdownTable measure(
      KernelInputs inputs, float[] plain, List<KernelCase> cases, Map<String, double[]> scipy) {
    double[] baseline = new double[repeats];
    double[][] times = new double[cases.size()][repeats];
    for (int round = -1; round < repeats; round++) {
      long start = System.nanoTime();
      threshold(plain, inputs.threshold());
      double base = System.nanoTime() - start;
      for (int c = 0; c < cases.size(); c++) {
        long began = System.nanoTime();
        Value result = cases.get(c).voxbeam().apply(inputs);
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
    double voxels = inputs.voxelCount();
    MarkdownTable table =
        new MarkdownTable("kernel", "ns / voxel", "× plain pass", "scipy ns / voxel", "÷ scipy");
    table.row(
        "plain pass (baseline)",
        Distribution.of(baseline).scaled(1 / voxels).format(2),
        "1",
        "",
        "");
    for (int c = 0; c < cases.size(); c++) {
      KernelCase kernel = cases.get(c);
      double[] ratios = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        ratios[r] = times[c][r] / baseline[r];
      }
      double[] peer = scipy.get(kernel.label());
      String peerCost = "";
      String versus = "";
      if (peer != null) {
        double[] nanos = new double[peer.length];
        for (int r = 0; r < peer.length; r++) {
          nanos[r] = peer[r] * 1e9;
        }
        peerCost = Distribution.of(nanos).scaled(1 / voxels).format(2);
        versus =
            String.format(
                Locale.ROOT,
                "%.2f",
                Distribution.of(times[c]).median() / Distribution.of(nanos).median());
      }
      table.row(
          kernel.label(),
          Distribution.of(times[c]).scaled(1 / voxels).format(2),
          Distribution.of(ratios).format(1),
          peerCost,
          versus);
    }
    return table;
  }

  private static float[] floats(KernelInputs inputs) {
    float[] out = new float[(int) inputs.voxelCount()];
    ByteBuffer.wrap(inputs.floats()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  /**
   * The baseline: one pass reading each voxel and writing one byte; returns a count so it is not
   * dead.
   */
  private static long threshold(float[] voxels, float threshold) {
    byte[] out = new byte[voxels.length];
    long count = 0;
    for (int i = 0; i < voxels.length; i++) {
      out[i] = (byte) (voxels[i] > threshold ? 1 : 0);
      count += out[i];
    }
    return count;
  }

  private static String load() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
