package org.voxbeam.pipeline.inputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.voxbeam.testkit.SharedFixtures;

/**
 * A folder of cases a program runs over on a schedule, built from the synthetic dataset: {@code
 * images/case_NNN_0000.nii.gz} and {@code labels/case_NNN.nii.gz}, with the changes a user makes
 * between runs: touching a file, replacing an image, adding and deleting a case.
 */
public final class CaseFolder {
  private static final Path SYNTHETIC = SharedFixtures.shared().resolve("data/synthetic");

  private final Path root;

  private CaseFolder(Path root) {
    this.root = root;
  }

  /** A folder holding the first {@code cases} synthetic cases. */
  public static CaseFolder of(Path root, int cases) throws IOException {
    Files.createDirectories(root.resolve("images"));
    Files.createDirectories(root.resolve("labels"));
    CaseFolder folder = new CaseFolder(root);
    for (int i = 0; i < cases; i++) {
      folder.add(String.format("case_%03d", i), i);
    }
    return folder;
  }

  /** Adds case {@code name} with the image and label of synthetic case {@code source}. */
  public void add(String name, int source) throws IOException {
    Files.copy(syntheticImage(source), image(name), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(syntheticLabel(source), label(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Gives case {@code name} the image and label of synthetic case {@code source}, same names. */
  public void replace(String name, int source) throws IOException {
    add(name, source);
  }

  /** Moves the modification time of case {@code name}'s image on; its bytes stay the same. */
  public void touch(String name) throws IOException {
    Files.setLastModifiedTime(image(name), FileTime.from(Instant.now().plusSeconds(60)));
  }

  public void delete(String name) throws IOException {
    Files.delete(image(name));
    Files.delete(label(name));
  }

  /** How many cases the folder holds. */
  public long cases() throws IOException {
    try (Stream<Path> images = Files.list(root.resolve("images"))) {
      return images.count();
    }
  }

  /**
   * The bundled example's program over this folder: loops over case indices, so each case's item
   * captures the whole listing.
   */
  public String indexProgram() throws IOException {
    String example = Files.readString(Path.of("../examples/synthetic-dataset/program.imgql"));
    return example
        .replace("../shared/data/synthetic/images", slashes(root.resolve("images")))
        .replace("../shared/data/synthetic/labels", slashes(root.resolve("labels")));
  }

  /** A program mapping over the listing itself: each case's item is its path. */
  public String pathProgram() {
    return String.join(
        "\n",
        "import \"vox1\"",
        "images = dir(\"" + slashes(root.resolve("images")) + "\", \"*.nii.gz\", false, true)",
        "one(path) = 1",
        "segmented(path) = let bright = load(path) > 127 in volume(through(interior(bright),"
            + " bright))",
        "print \"cases\" fold + 0 map(one, images)",
        "print \"volumes\" map(segmented, images)",
        "");
  }

  private Path image(String name) {
    return root.resolve("images").resolve(name + "_0000.nii.gz");
  }

  private Path label(String name) {
    return root.resolve("labels").resolve(name + ".nii.gz");
  }

  private static Path syntheticImage(int source) {
    return SYNTHETIC.resolve(String.format("images/case_%03d_0000.nii.gz", source));
  }

  private static Path syntheticLabel(int source) {
    return SYNTHETIC.resolve(String.format("labels/case_%03d.nii.gz", source));
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }
}
