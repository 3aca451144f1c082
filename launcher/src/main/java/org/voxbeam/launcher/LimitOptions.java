package org.voxbeam.launcher;

import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.Limits;
import org.voxbeam.operators.image.io.ImageLimits;
import org.voxbeam.pipeline.reduce.Reducer;
import picocli.CommandLine.Option;

/**
 * The resource limits a command applies, shared by commands as a mixin; each has a configuration
 * key and an environment variable ({@code limits.*}, {@code VOXBEAM_MAX_*}).
 */
final class LimitOptions {
  @Option(
      names = "--max-voxels",
      paramLabel = "N",
      defaultValue = "" + ImageLimits.DEFAULT_MAX_VOXELS,
      description = "Most voxels of one image read from a file (default: ${DEFAULT-VALUE}).")
  long maxVoxels;

  @Option(
      names = "--max-decompressed-mb",
      paramLabel = "MB",
      defaultValue = "" + (ImageLimits.DEFAULT_MAX_DECOMPRESSED_BYTES >> 20),
      description =
          "Most data one image file may hold once decompressed, in MB (default: ${DEFAULT-VALUE}).")
  long maxDecompressedMegabytes;

  @Option(
      names = "--max-plan-nodes",
      paramLabel = "N",
      defaultValue = "" + Reducer.DEFAULT_MAX_PLAN_NODES,
      description = "Most nodes the plan of a program may have (default: ${DEFAULT-VALUE}).")
  long maxPlanNodes;

  Limits limits() {
    positive("--max-voxels", maxVoxels);
    positive("--max-decompressed-mb", maxDecompressedMegabytes);
    positive("--max-plan-nodes", maxPlanNodes);
    if (maxDecompressedMegabytes > Long.MAX_VALUE >> 20) {
      throw new InvalidInputException(
          "--max-decompressed-mb is too large: " + maxDecompressedMegabytes);
    }
    return new Limits(maxVoxels, maxDecompressedMegabytes << 20, maxPlanNodes);
  }

  private static void positive(String option, long value) {
    if (value < 1) {
      throw new InvalidInputException(option + " must be at least 1, got " + value);
    }
  }
}
