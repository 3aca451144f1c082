package org.voxbeam.launcher.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.voxbeam.launcher.CliOutcome;
import org.voxbeam.testkit.SharedFixtures;

/**
 * A store filled by a good run before any bad input is fed, so each bad-input test can show that
 * what was stored before is still there afterwards: the same plan, run again, computes nothing and
 * prints the same values.
 */
final class PopulatedStore {
  private static final String GOOD_PLAN = "filter-fold";

  private final Path directory;
  private final String goals;

  private PopulatedStore(Path directory, String goals) {
    this.directory = directory;
    this.goals = goals;
  }

  /** Runs the golden filter-fold plan into a new store at {@code directory}. */
  static PopulatedStore create(Path directory) {
    CliOutcome first = CliOutcome.run("run", plan().toString(), "--store", directory.toString());
    assertEquals(0, first.exitCode(), first.err());
    return new PopulatedStore(directory, first.out());
  }

  /** The store directory, as a command-line argument. */
  String path() {
    return directory.toString();
  }

  /**
   * The good plan runs again entirely from the store, with the values it printed the first time.
   */
  void assertIntact() {
    CliOutcome again = CliOutcome.run("run", plan().toString(), "--store", directory.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(goals, again.out());
    assertTrue(again.err().contains("0 computed, 5 from store"), again.err());
  }

  private static Path plan() {
    return SharedFixtures.golden().resolve("programs").resolve(GOOD_PLAN).resolve("plan.json");
  }
}
