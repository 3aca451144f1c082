package org.voxbeam.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden vectors and sample data that VoxLogicA-2 produced, kept beside the repository in
 * {@code shared/}. Tests of every module read them through here.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The shared folder: the {@code voxbeam.shared} property, or a {@code shared} folder above. */
  public static Path shared() {
    String configured = System.getProperty("voxbeam.shared");
    if (configured != null && Files.isDirectory(Path.of(configured, "golden"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("golden"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find the shared/ folder with the golden vectors");
  }

  public static Path golden() {
    return shared().resolve("golden");
  }

  /** Every directory under {@code golden/programs}, sorted by name. */
  public static List<Path> goldenPrograms() {
    return listDirectories(golden().resolve("programs"));
  }

  /** Every directory under {@code golden/plans}, sorted by name. */
  public static List<Path> goldenPlans() {
    return listDirectories(golden().resolve("plans"));
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> listDirectories(Path parent) {
    try (Stream<Path> entries = Files.list(parent)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
