package org.voxbeam.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's working directory. Stores and baseline files are all created in it, so both sides
 * of every comparison write to the same file system; it is deleted when the run ends.
 */
public final class Scratch implements AutoCloseable {
  private final Path root;
  private int created;

  /** Creates a fresh directory inside {@code parent}. */
  public Scratch(Path parent) throws IOException {
    Files.createDirectories(parent);
    this.root = Files.createTempDirectory(parent, "voxbeam-bench-");
  }

  /** A new, empty directory, named after {@code purpose}. */
  public Path newDirectory(String purpose) {
    try {
      return Files.createDirectory(root.resolve(purpose + "-" + created++));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code directory} and everything in it. */
  public static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  @Override
  public void close() {
    delete(root);
  }
}
