package org.voxbeam.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Whether a command shows a progress bar: by default only when standard error (where the bar goes)
 * is a terminal, whatever standard output is redirected to, so that logs, pipes and CI output get
 * none; {@code --progress} forces it, {@code --no-progress} turns it off. The bar goes to standard
 * error, never to the goals on standard output.
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
    boolean terminal = stderrIsTerminal(Path.of("/proc/self/fd/2"));
    boolean shown = progress != null ? progress : terminal;
    return shown ? ProgressDisplay.bar(err, terminal) : ProgressDisplay.none();
  }

  /**
   * Whether the descriptor behind {@code link} (Linux's view of standard error) is a terminal
   * device. {@link System#console()} is about standard input and output, so it is null when the
   * goals are piped even though the bar's stream is a terminal; where {@code /proc} is absent it is
   * the best guess left.
   */
  static boolean stderrIsTerminal(Path link) {
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}
