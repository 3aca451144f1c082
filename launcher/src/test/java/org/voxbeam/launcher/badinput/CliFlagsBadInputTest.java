package org.voxbeam.launcher.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.launcher.CliOutcome;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The bad-input matrix for command-line flags: unknown flags, missing and malformed values,
 * out-of-range numbers, and paths that are missing or of the wrong kind. Each is refused with exit
 * code 2 and a message naming the flag or path, without a stack trace, and the store filled
 * beforehand is untouched. Beam options are {@code VoxBeamCliTest}'s.
 */
class CliFlagsBadInputTest {
  @TempDir Path dir;
  private PopulatedStore store;
  private String plan;

  @BeforeEach
  void fillStore() {
    store = PopulatedStore.create(dir.resolve("store"));
    plan = SharedFixtures.golden().resolve("programs/floats/plan.json").toString();
  }

  @AfterEach
  void storeIsIntact() {
    store.assertIntact();
  }

  @Test
  void unknownFlagsAndCommandsAreNamed() {
    CliOutcome.run("run", plan, "--frobnicate", "--store", store.path())
        .assertRefused("--frobnicate");
    CliOutcome.run("run", plan, "-Z", "--store", store.path()).assertRefused("-Z");
    CliOutcome.run("runn", plan).assertRefused("runn");
    CliOutcome.run("store", "defragment", "--store", store.path()).assertRefused("defragment");
  }

  @Test
  void missingAndMalformedValuesAreNamed() {
    CliOutcome.run("run", plan, "--store").assertRefused("--store");
    CliOutcome.run("run", plan, "--threads", "many", "--store", store.path())
        .assertRefused("--threads", "many");
    CliOutcome.run("run", plan, "--threads", "99999999999", "--store", store.path())
        .assertRefused("--threads");
    CliOutcome.run("run", plan, "--threads", "0", "--store", store.path())
        .assertRefused("--threads");
    CliOutcome.run("run", plan, "--threads", "-3", "--store", store.path())
        .assertRefused("--threads");
    CliOutcome.run("run", plan, "--cache-mb", "-1", "--store", store.path())
        .assertRefused("--cache-mb");
    CliOutcome.run("export", plan, "--format", "xml").assertRefused("--format", "xml");
    CliOutcome.run("store", "evict", "--max-age", "forever", "--store", store.path())
        .assertRefused("--max-age");
  }

  /**
   * {@code --in-memory} wins over {@code --store} (which may come from the configuration): nothing
   * reaches the store.
   */
  @Test
  void inMemoryBesideAStoreWritesNothingToTheStore() {
    CliOutcome inMemory = CliOutcome.run("run", plan, "--in-memory", "--store", store.path());
    assertEquals(0, inMemory.exitCode(), inMemory.err());
    CliOutcome persistent = CliOutcome.run("run", plan, "--store", store.path());
    assertEquals(0, persistent.exitCode(), persistent.err());
    assertEquals(inMemory.out(), persistent.out());
    assertTrue(persistent.err().contains(" 0 from store"), persistent.err());
  }

  @Test
  void missingAndWrongKindsOfPathsAreNamed() throws IOException {
    CliOutcome.run("run", dir.resolve("absent.json").toString(), "--store", store.path())
        .assertRefused("absent.json")
        .assertOneLine();
    Path file = Files.writeString(dir.resolve("store-is-a-file"), "x");
    CliOutcome.run("run", plan, "--store", file.toString())
        .assertRefused("store-is-a-file")
        .assertOneLine();
    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("thesis.tex"), "x");
    CliOutcome.run("run", plan, "--store", foreign.toString())
        .assertRefused("not a VoxBeam store")
        .assertOneLine();
    CliOutcome.run(
            "plan",
            SharedFixtures.golden().resolve("programs/floats/program.imgql").toString(),
            "--json",
            "-o",
            dir.resolve("no/such/dir/out.json").toString())
        .assertRefused("out.json", "its directory does not exist")
        .assertOneLine();
  }
}
