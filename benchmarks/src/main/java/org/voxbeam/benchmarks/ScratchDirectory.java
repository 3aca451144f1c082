package org.voxbeam.benchmarks;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}: where a benchmark command creates its stores and files, deleted after. */
public final class ScratchDirectory {
  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "${sys:java.io.tmpdir}",
      description =
          "Where the benchmark's stores and files are created, then deleted (default: the"
              + " temporary directory).")
  private Path directory;

  public Path path() {
    return directory;
  }
}
