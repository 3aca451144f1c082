package org.voxbeam.api;

import org.voxbeam.operators.image.io.ImageLimits;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * The resource limits of a run: how large a plan a program may reduce to, and how large the image
 * files it reads may be. Exceeding one is an error naming the limit (and the file), never an
 * exhausted heap; what is already stored is untouched.
 *
 * @param maxVoxels most voxels one image read from a file may have
 * @param maxDecompressedBytes most bytes one image file may hold once decompressed
 * @param maxPlanNodes most nodes the plan of a program may have
 */
public record Limits(long maxVoxels, long maxDecompressedBytes, long maxPlanNodes) {

  /** 2^28 voxels, 1 GiB per file, 200,000 plan nodes. */
  public static final Limits DEFAULTS =
      new Limits(
          ImageLimits.DEFAULT_MAX_VOXELS,
          ImageLimits.DEFAULT_MAX_DECOMPRESSED_BYTES,
          Reducer.DEFAULT_MAX_PLAN_NODES);

  public Limits {
    require(maxVoxels, "the voxel limit");
    require(maxDecompressedBytes, "the decompressed size limit");
    require(maxPlanNodes, "the plan node limit");
  }

  /** The limits image files are read with. */
  public ImageLimits images() {
    return new ImageLimits(maxVoxels, maxDecompressedBytes);
  }

  public Limits withMaxVoxels(long voxels) {
    return new Limits(voxels, maxDecompressedBytes, maxPlanNodes);
  }

  public Limits withMaxDecompressedBytes(long bytes) {
    return new Limits(maxVoxels, bytes, maxPlanNodes);
  }

  public Limits withMaxPlanNodes(long nodes) {
    return new Limits(maxVoxels, maxDecompressedBytes, nodes);
  }

  private static void require(long value, String what) {
    if (value < 1) {
      throw new InvalidInputException(what + " must be positive, got " + value);
    }
  }
}
