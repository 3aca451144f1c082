package org.voxbeam.transforms;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;
import org.voxbeam.kernel.io.InputSources;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.PathMapping;
import org.voxbeam.operators.image.io.ImageLimits;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.storage.remote.RemoteInputSources;

/**
 * The evaluator a worker builds from the run's options: the standard operators, with file names
 * resolved as {@code --fileBase} and {@code --mapPath} say, remote inputs read under {@code
 * --inputRoots} only, and images read within {@code --maxVoxels} and {@code --maxDecompressedMb},
 * so every worker reads the files the driver would, within the same limits. Building it registers
 * the JVM's readers of {@code s3://} and {@code hdfs://} inputs, which the checks of recorded
 * inputs use too.
 */
final class WorkerOperators {
  private WorkerOperators() {}

  static NodeEvaluator evaluator(PipelineOptions options) {
    VoxBeamOptions voxbeam = options.as(VoxBeamOptions.class);
    List<URI> roots = inputRoots(voxbeam);
    FileAccess files = files(voxbeam).allowingRemote(roots);
    if (!roots.isEmpty()) {
      RemoteInputSources.install(
          Optional.ofNullable(voxbeam.getInputEndpoint())
              .or(() -> Optional.ofNullable(voxbeam.getStoreEndpoint())));
    }
    return new NodeEvaluator(StandardLibrary.registry(files, images(voxbeam)));
  }

  /**
   * The remote prefixes {@code --inputRoots} allows.
   *
   * @throws IllegalArgumentException if one is not an {@code s3://} or {@code hdfs://} URI
   */
  static List<URI> inputRoots(VoxBeamOptions options) {
    List<String> given = options.getInputRoots() == null ? List.of() : options.getInputRoots();
    return given.stream()
        .map(
            root ->
                InputSources.remote(root)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "--inputRoots "
                                    + root
                                    + " is not an s3://bucket/prefix or hdfs://host:port/path"
                                    + " URI")))
        .toList();
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
