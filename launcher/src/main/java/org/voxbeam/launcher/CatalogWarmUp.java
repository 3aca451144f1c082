package org.voxbeam.launcher;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.pipeline.reduce.PrimitiveCatalog;

/**
 * Builds the operator catalog the reducer resolves names against on a daemon thread, while the main
 * thread parses the command line. The catalog is built once per process (it holds SimpleITK's
 * interface, a few hundred kilobytes of JSON, and every operator library's tables), and picocli's
 * reflection over the commands cannot be shortened: on a warm run the two together were a third of
 * the process, one after the other, on a machine with a second core idle. Whichever thread gets
 * there second waits for the first (class initialisation), so nothing is built twice.
 */
final class CatalogWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogWarmUp.class);

  /** The commands that reduce a program, and so need the catalog. */
  private static final Set<String> REDUCING = Set.of("run", "plan", "explain", "export");

  private CatalogWarmUp() {}

  /**
   * Starts building the catalog if {@code command}, the first word of the command line, needs it: a
   * command that reduces programs, or a plan given without a command (a Beam run).
   */
  static void startFor(String command) {
    if (!REDUCING.contains(command) && !command.endsWith(".imgql") && !command.endsWith(".json")) {
      return;
    }
    Thread builder =
        new Thread(
            () -> {
              try {
                PrimitiveCatalog.voxLogicA2();
              } catch (RuntimeException | LinkageError e) {
                LOG.debug("building the operator catalog ahead failed: {}", e.toString());
              }
            },
            "voxbeam-catalog");
    builder.setDaemon(true);
    builder.start();
  }
}
