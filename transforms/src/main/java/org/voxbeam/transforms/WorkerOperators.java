package org.voxbeam.transforms;

import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.voxbeam.kernel.operator.PathMapping;
import org.voxbeam.operators.image.io.ImageLimits;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.NodeEvaluator;

/**
 * The evaluator a worker builds from the run's options: the standard operators, with file names
 * resolved as {@code --fileBase} and {@code --mapPath} say and images read within {@code
 * --maxVoxels} and {@code --maxDecompressedMb}, so every worker reads the files the driver would,
 * within the same limits.
 */
final class WorkerOperators {
  private WorkerOperators() {}

  static NodeEvaluator evaluator(PipelineOptions options) {
    VoxBeamOptions voxbeam = options.as(VoxBeamOptions.class);
    return new NodeEvaluator(StandardLibrary.registry(files(voxbeam), images(voxbeam)));
  }

  /** How large the images the operators read may be. */
  static ImageLimits images(VoxBeamOptions options) {
    return new ImageLimits(options.getMaxVoxels(), options.getMaxDecompressedMb() << 20);
  }

  /**
   * The file access {@code options} describe.
   *
   * @throws IllegalArgumentException if a {@code --mapPath} entry is not {@code FROM=TO}
   */
  static PathMapping files(VoxBeamOptions options) {
    List<String> rewrites = options.getMapPath() == null ? List.of() : options.getMapPath();
    return new PathMapping(
        options.getFileBase() == null || options.getFileBase().isBlank()
            ? null
            : options.getFileBase(),
        rewrites.stream().map(PathMapping.Rewrite::parse).toList());
  }
}
