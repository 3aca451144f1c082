package org.voxbeam.launcher;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.pipeline.reduce.PrimitiveCatalog;
import org.voxbeam.storage.runs.RunTable;

/**
 * Does, on a daemon thread while the main thread parses the command line, the once-per-process work
 * a command will need later: it builds the operator catalog the reducer resolves names against
 * (every operator library's tables), and then, for a command that runs a program, writes a run
 * record to nowhere ({@link RunTable#rehearse}), so that the Parquet writer's classes are loaded
 * before the run commits its results and records itself at its end. Picocli's reflection over the
 * command cannot be shortened; on a warm run the catalog and picocli together were a third of the
 * process, one after the other, on a machine with a second core idle. Whichever thread gets to a
 * class second waits for the first (class initialisation), so nothing is done twice.
 */
final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  /** The commands that reduce a program, and so need the catalog. */
  private static final Set<String> REDUCING = Set.of("run", "plan", "explain", "export");

  private WarmUp() {}

  /**
   * Starts the work {@code command}, the first word of the command line, needs: the catalog for a
   * command that reduces programs, and the writer too for one that runs them ({@code run}, or a
   * plan given without a command: a Beam run).
   */
  static void startFor(String command) {
    boolean planFile = command.endsWith(".imgql") || command.endsWith(".json");
    if (!REDUCING.contains(command) && !planFile) {
      return;
    }
    boolean writes = command.equals("run") || planFile;
    Thread worker =
        new Thread(
            () -> {
              try {
                PrimitiveCatalog.voxLogicA2();
                if (writes) {
                  RunTable.rehearse();
                }
              } catch (RuntimeException | LinkageError e) {
                LOG.debug("warming up failed: {}", e.toString());
              }
            },
            "voxbeam-warm-up");
    worker.setDaemon(true);
    worker.start();
  }
}
