package org.voxbeam.launcher;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * Whether a command shows a progress bar: by default only when the process has a console, so that
 * logs, pipes and CI output get none; {@code --progress} forces it, {@code --no-progress} turns it
 * off. The bar goes to standard error, never to the goals on standard output.
 */
final class ProgressOptions {
  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Show a progress bar on standard error (default: only when run from a terminal).")
  Boolean progress;

  /** The display for this command: a bar on {@code err}, or nothing. */
  ProgressDisplay display(PrintWriter err) {
    boolean terminal = System.console() != null;
    boolean shown = progress != null ? progress : terminal;
    return shown ? ProgressDisplay.bar(err, terminal) : ProgressDisplay.none();
  }
}
