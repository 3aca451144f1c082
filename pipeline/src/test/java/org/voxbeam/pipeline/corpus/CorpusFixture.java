package org.voxbeam.pipeline.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.voxbeam.kernel.operator.PathMapping;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The files VoxLogicA-2's programs name, laid out as its repository has them, built from the shared
 * sample data: {@code tests/data/chris_t1.nii.gz} (the real T1 volume), a BraTS-style dataset
 * {@code tests/data/datasets/BraTS_2019_HGG/case_NNN/case_NNN_flair.nii.gz} of the 20 synthetic
 * cases, and {@code synthetic_data/images/}. Programs run unchanged against it: their relative
 * names resolve against the fixture's base directory, and the two absolute or out-of-tree dataset
 * folders some test programs name are rewritten to the same dataset.
 */
public final class CorpusFixture {
  /** The dataset folder as the gallery and most test programs name it. */
  public static final String DATASET = "tests/data/datasets/BraTS_2019_HGG";

  /** The other names VoxLogicA-2's test programs give the dataset folder. */
  public static final List<String> OTHER_DATASET_NAMES =
      List.of("../../VoxLogicA/datasets/BraTS_2019_HGG", "/home/VoxLogicA/datasets/BraTS_2019_HGG");

  private final Path base;

  private CorpusFixture(Path base) {
    this.base = base;
  }

  /** Builds the layout under {@code directory}. */
  public static CorpusFixture create(Path directory) {
    Path data = SharedFixtures.shared().resolve("data");
    try {
      Path tests = Files.createDirectories(directory.resolve("tests/data"));
      Files.copy(data.resolve("chris_t1.nii.gz"), tests.resolve("chris_t1.nii.gz"));
      Path dataset = Files.createDirectories(directory.resolve(DATASET));
      Path synthetic = Files.createDirectories(directory.resolve("synthetic_data/images"));
      try (Stream<Path> images = Files.list(data.resolve("synthetic/images"))) {
        for (Path image : images.sorted().toList()) {
          String name = image.getFileName().toString();
          String caseName = name.replace("_0000.nii.gz", "");
          Path caseDirectory = Files.createDirectories(dataset.resolve(caseName));
          Files.copy(image, caseDirectory.resolve(caseName + "_flair.nii.gz"));
          Files.copy(image, synthetic.resolve(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CorpusFixture(directory.toAbsolutePath().normalize());
  }

  public Path base() {
    return base;
  }

  /** The dataset's FLAIR volumes, in the order {@code dir} lists them. */
  public List<Path> flairVolumes() {
    try (Stream<Path> files = Files.walk(base.resolve(DATASET))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("_flair.nii.gz"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How operators find the programs' files: from the base, other dataset names rewritten. */
  public PathMapping files() {
    PathMapping mapping = PathMapping.relativeTo(base);
    for (String name : OTHER_DATASET_NAMES) {
      mapping = mapping.rewriting(name, base.resolve(DATASET));
    }
    return mapping;
  }
}
