package org.voxbeam.benchmarks;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output}: the file a benchmark command also writes its Markdown report to. */
public final class ReportFile {
  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Also write the Markdown report to this file.")
  private Path output;

  /** The file, or null for standard output only (what {@link Report#emit} takes). */
  public Path path() {
    return output;
  }
}
