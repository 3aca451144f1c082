package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The conventions every command follows: help, unknown names, repeated options, errors, version.
 */
class CliConventionsTest {
  @TempDir Path dir;

  private static String plan() {
    return SharedFixtures.golden().resolve("programs/floats/plan.json").toString();
  }

  /**
   * Exit 2, nothing on standard output, and one line starting with one "error:" naming each
   * mention.
   */
  private static void assertUsageError(CliOutcome outcome, String... mentions) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals("", outcome.out());
    String message = outcome.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.startsWith("error: "), message);
    assertFalse(message.substring(7).contains("error:"), message);
    assertFalse(message.contains("Usage:"), message);
    for (String mention : mentions) {
      assertTrue(message.contains(mention), message);
    }
  }

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of(),
          List.of("run"),
          List.of("export"),
          List.of("plan"),
          List.of("explain"),
          List.of("list-primitives"),
          List.of("store"),
          List.of("store", "stats"),
          List.of("store", "verify"),
          List.of("store", "gc"),
          List.of("store", "compact"),
          List.of("store", "evict"),
          List.of("runs"),
          List.of("get"),
          List.of("serve"),
          List.of("help"));

  @Test
  void helpOnEveryCommandExitsZeroWithThatCommandsUsage() {
    for (List<String> command : COMMANDS) {
      String name = String.join(" ", command);
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        CliOutcome outcome = CliOutcome.run(args.toArray(new String[0]));
        assertEquals(0, outcome.exitCode(), name + " " + flag + ": " + outcome.err());
        assertEquals("", outcome.err(), name);
        assertTrue(
            outcome.out().startsWith("Usage: voxbeam" + (name.isEmpty() ? "" : " " + name) + " "),
            name + ": " + outcome.out());
      }
    }
  }

  @Test
  void helpCommandPrintsTheUsageOfTheNamedCommand() {
    CliOutcome run = CliOutcome.run("help", "run");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(CliOutcome.run("run", "--help").out(), run.out());
    CliOutcome gc = CliOutcome.run("help", "store", "gc");
    assertEquals(0, gc.exitCode(), gc.err());
    assertEquals(CliOutcome.run("store", "gc", "--help").out(), gc.out());
    CliOutcome top = CliOutcome.run("help");
    assertEquals(0, top.exitCode(), top.err());
    assertTrue(top.out().contains("help"), top.out());
    assertTrue(top.out().startsWith("Usage: voxbeam "), top.out());
    assertUsageError(
        CliOutcome.run("help", "rnu"), "unknown command 'rnu'", "'run'", "see 'voxbeam --help'");
    assertUsageError(CliOutcome.run("help", "store", "cg"), "unknown command 'cg'", "'gc'");
  }

  @Test
  void unknownCommandsAreNamedWithTheClosestOne() {
    assertUsageError(
        CliOutcome.run("rnu", "x"),
        "unknown command 'rnu'",
        "did you mean 'run'?",
        "see 'voxbeam --help'");
    assertUsageError(CliOutcome.run("frobnicate"), "unknown command 'frobnicate'");
    assertUsageError(
        CliOutcome.run("store", "sats"),
        "unknown command 'sats'",
        "'stats'",
        "see 'voxbeam store --help'");
  }

  @Test
  void unknownOptionsAreNamedWithTheClosestOneNeverReadAsAFileOrGivenToBeam() {
    assertUsageError(
        CliOutcome.run("run", "--threds", "2", plan(), "--in-memory"),
        "unknown option '--threds'",
        "did you mean '--threads'?",
        "see 'voxbeam run --help'");
    assertUsageError(
        CliOutcome.run("run", "--threds=2", plan(), "--in-memory"), "'--threds'", "'--threads'");
    assertUsageError(
        CliOutcome.run("store", "gc", "--dry-rn"),
        "unknown option '--dry-rn'",
        "'--dry-run'",
        "see 'voxbeam store gc --help'");
    assertUsageError(
        CliOutcome.run("--threds", "2", plan()), "unknown option '--threds'", "'--threads'");
    assertUsageError(
        CliOutcome.run("run", plan(), "other.json", "--in-memory"),
        "unexpected argument 'other.json'");
    assertUsageError(
        CliOutcome.run("--runner=DirectRunner", "--streaming", plan()),
        "unknown option '--streaming'");
  }

  @Test
  void anOptionGivenTwiceSaysSo() {
    assertUsageError(
        CliOutcome.run("run", "--threads", "8", "--threads", "2", plan(), "--in-memory"),
        "option '--threads' was given more than once");
    assertUsageError(
        CliOutcome.run("--maxStages=8", "--maxStages=2", plan()),
        "option '--maxStages' was given more than once (8 and 2)");
    CliOutcome lists =
        CliOutcome.run(
            "--mapPath=/a=/b",
            "--mapPath=/c=/d",
            plan(),
            "--store",
            dir.resolve("store").toString());
    assertEquals(0, lists.exitCode(), "a list-valued Beam option may repeat: " + lists.err());
  }

  @Test
  void argumentFilesStillCarryBeamOptions() throws IOException {
    Path args = dir.resolve("direct.args");
    Files.writeString(args, "--runner=DirectRunner\n--maxStages=8\n");
    CliOutcome outcome =
        CliOutcome.run("@" + args, plan(), "--store", dir.resolve("store").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("="), outcome.out());
    assertUsageError(
        CliOutcome.run(
            "@" + args, "--maxStages=2", plan(), "--store", dir.resolve("store").toString()),
        "'--maxStages'",
        "more than once");
  }

  @Test
  void debugAddsTheStackTraceAfterTheOneLineMessage() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    String store = notADirectory.resolve("store").toString();
    CliOutcome plain = CliOutcome.run("run", plan(), "--store", store);
    CliOutcome debug = CliOutcome.run("--debug", "run", plan(), "--store", store);
    assertEquals(plain.exitCode(), debug.exitCode(), debug.err());
    assertTrue(plain.err().startsWith("error: "), plain.err());
    assertFalse(plain.err().contains("\tat "), plain.err());
    assertEquals(1, plain.err().strip().lines().count(), plain.err());
    assertTrue(debug.err().startsWith(plain.err().strip() + System.lineSeparator()), debug.err());
    assertTrue(debug.err().contains("\tat org.voxbeam."), debug.err());
    CliOutcome missing =
        CliOutcome.run("run", dir.resolve("missing.json").toString(), "--in-memory", "--debug");
    assertUsageErrorOrBadInput(missing, "missing.json");
    CliOutcome beamForm = CliOutcome.run("--debug", dir.resolve("missing.json").toString());
    assertEquals(2, beamForm.exitCode(), beamForm.err());
    assertTrue(beamForm.err().contains("missing.json"), beamForm.err());
  }

  private static void assertUsageErrorOrBadInput(CliOutcome outcome, String mention) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome.err().startsWith("error: ") && outcome.err().contains(mention), outcome.err());
  }

  @Test
  void errorsCarryOneErrorPrefix() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.imgql"), "x = (1 +\n");
    CliOutcome syntax = CliOutcome.run("plan", bad.toString());
    assertEquals(2, syntax.exitCode());
    assertTrue(syntax.err().startsWith(bad + ":2:1: error: "), syntax.err());
    assertUsageError(
        CliOutcome.run("run"),
        "error: missing required parameter: 'PLAN'",
        "see 'voxbeam run --help'");
    assertUsageError(CliOutcome.run("store"), "a store command is required");
    assertUsageError(CliOutcome.run(), "a command is required");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    for (String flag : List.of("--version", "-V")) {
      CliOutcome outcome = CliOutcome.run(flag);
      assertEquals(0, outcome.exitCode(), outcome.err());
      assertTrue(outcome.out().matches("voxbeam \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), outcome.out());
    }
  }
}
