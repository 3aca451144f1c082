package org.voxbeam.launcher;

import java.io.PrintWriter;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voxbeam.api.Progress;
import org.voxbeam.api.ProgressListener;

/**
 * A run's progress as a bar on standard error: the nodes and fan-out items done of those known
 * ({@link Progress#workDone()} of {@link Progress#workTotal()}, so a dataset loop moves the bar and
 * the bar reaches its end only when the run does), with the phase (the Beam stage) and the items
 * beside it, and the run's own estimate of the time left ({@link Progress#eta()}, from the items'
 * throughput) rather than the bar's guess from its average. The bar appears with the first
 * progress, once the run is planned, and is finished with a newline on close so the report that
 * follows starts on its own line.
 *
 * <p>On a terminal the bar is redrawn in place at the terminal's width. Elsewhere (forced with
 * {@code --progress}) it is plain ASCII, redrawn with carriage returns and never with escape
 * sequences, at 80 columns.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {
  private static final int PLAIN_WIDTH = 80;

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean shown;
  private ProgressBar bar;
  private volatile Progress latest;

  private ProgressDisplay(PrintWriter err, boolean terminal, boolean shown) {
    this.err = err;
    this.terminal = terminal;
    this.shown = shown;
  }

  static ProgressDisplay bar(PrintWriter err, boolean terminal) {
    return new ProgressDisplay(err, terminal, true);
  }

  static ProgressDisplay none() {
    return new ProgressDisplay(null, false, false);
  }

  @Override
  public synchronized void onProgress(Progress progress) {
    if (!shown) {
      return;
    }
    latest = progress;
    if (bar == null) {
      bar = create(progress.workTotal());
    }
    bar.maxHint(progress.workTotal());
    bar.stepTo(progress.workDone());
    bar.setExtraMessage(message(progress));
  }

  /**
   * The phase, and when there are items, the nodes and items apart: {@code execution, nodes 5/12,
   * items 812/2000}.
   */
  static String message(Progress progress) {
    Progress.Items items = progress.items();
    if (items.total() == 0) {
      return progress.phase();
    }
    return progress.phase()
        + ", nodes "
        + progress.done()
        + "/"
        + progress.total()
        + ", items "
        + items.done()
        + "/"
        + items.total();
  }

  private ProgressBar create(long total) {
    return new ProgressBarBuilder()
        .setTaskName("voxbeam")
        .setInitialMax(total)
        .setUnit(" steps", 1)
        .setEtaFunction(state -> latest == null ? Optional.empty() : latest.eta())
        .setStyle(terminal ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(terminal ? 200 : 1000)
        .setConsumer(consumer())
        .build();
  }

  private ProgressBarConsumer consumer() {
    if (terminal) {
      return new ConsoleProgressBarConsumer(System.err);
    }
    return new DelegatingProgressBarConsumer(
        line -> {
          err.print('\r');
          err.print(line);
          err.flush();
        },
        PLAIN_WIDTH);
  }

  @Override
  public synchronized void close() {
    if (bar == null) {
      return;
    }
    bar.close();
    if (!terminal) {
      err.println();
      err.flush();
    }
  }
}
