package org.voxbeam.launcher;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voxbeam.api.Progress;
import org.voxbeam.api.ProgressListener;

/**
 * A run's progress as a bar on standard error: nodes done of the total, with the phase (the Beam
 * stage) beside it. The bar appears with the first progress, once the run is planned, and is
 * finished with a newline on close so the report that follows starts on its own line.
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
    if (bar == null) {
      bar = create(progress.total());
    }
    bar.maxHint(progress.total());
    bar.stepTo(progress.done());
    bar.setExtraMessage(progress.phase());
  }

  private ProgressBar create(long total) {
    return new ProgressBarBuilder()
        .setTaskName("voxbeam")
        .setInitialMax(total)
        .setUnit(" nodes", 1)
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
