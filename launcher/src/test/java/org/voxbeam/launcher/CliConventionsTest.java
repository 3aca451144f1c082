package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VoxBeamCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  private static String plan() {
    return SharedFixtures.golden().resolve("programs/floats/plan.json").toString();
  }

  /**
   * Exit 2, nothing on standard output, and one line starting with one "error:" naming each
   * mention.
   */
  private static void assertUsageError(Outcome outcome, String... mentions) {
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
        Outcome outcome = cli(args.toArray(new String[0]));
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
    Outcome run = cli("help", "run");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(cli("run", "--help").out(), run.out());
    Outcome gc = cli("help", "store", "gc");
    assertEquals(0, gc.exitCode(), gc.err());
    assertEquals(cli("store", "gc", "--help").out(), gc.out());
    Outcome top = cli("help");
    assertEquals(0, top.exitCode(), top.err());
    assertTrue(top.out().contains("help"), top.out());
    assertTrue(top.out().startsWith("Usage: voxbeam "), top.out());
    assertUsageError(cli("help", "rnu"), "unknown command 'rnu'", "'run'", "see 'voxbeam --help'");
    assertUsageError(cli("help", "store", "cg"), "unknown command 'cg'", "'gc'");
  }

  @Test
  void unknownCommandsAreNamedWithTheClosestOne() {
    assertUsageError(
        cli("rnu", "x"), "unknown command 'rnu'", "did you mean 'run'?", "see 'voxbeam --help'");
    assertUsageError(cli("frobnicate"), "unknown command 'frobnicate'");
    assertUsageError(
        cli("store", "sats"), "unknown command 'sats'", "'stats'", "see 'voxbeam store --help'");
  }

  @Test
  void unknownOptionsAreNamedWithTheClosestOneNeverReadAsAFileOrGivenToBeam() {
    assertUsageError(
        cli("run", "--threds", "2", plan(), "--in-memory"),
        "unknown option '--threds'",
        "did you mean '--threads'?",
        "see 'voxbeam run --help'");
    assertUsageError(cli("run", "--threds=2", plan(), "--in-memory"), "'--threds'", "'--threads'");
    assertUsageError(
        cli("store", "gc", "--dry-rn"),
        "unknown option '--dry-rn'",
        "'--dry-run'",
        "see 'voxbeam store gc --help'");
    assertUsageError(cli("--threds", "2", plan()), "unknown option '--threds'", "'--threads'");
    assertUsageError(
        cli("run", plan(), "other.json", "--in-memory"), "unexpected argument 'other.json'");
    assertUsageError(
        cli("--runner=DirectRunner", "--streaming", plan()), "unknown option '--streaming'");
  }

  @Test
  void anOptionGivenTwiceSaysSo() {
    assertUsageError(
        cli("run", "--threads", "8", "--threads", "2", plan(), "--in-memory"),
        "option '--threads' was given more than once");
    assertUsageError(
        cli("--maxStages=8", "--maxStages=2", plan()),
        "option '--maxStages' was given more than once (8 and 2)");
    Outcome lists =
        cli(
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
    Outcome outcome = cli("@" + args, plan(), "--store", dir.resolve("store").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("="), outcome.out());
    assertUsageError(
        cli("@" + args, "--maxStages=2", plan(), "--store", dir.resolve("store").toString()),
        "'--maxStages'",
        "more than once");
  }

  @Test
  void debugAddsTheStackTraceAfterTheOneLineMessage() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    String store = notADirectory.resolve("store").toString();
    Outcome plain = cli("run", plan(), "--store", store);
    Outcome debug = cli("--debug", "run", plan(), "--store", store);
    assertEquals(plain.exitCode(), debug.exitCode(), debug.err());
    assertTrue(plain.err().startsWith("error: "), plain.err());
    assertFalse(plain.err().contains("\tat "), plain.err());
    assertEquals(1, plain.err().strip().lines().count(), plain.err());
    assertTrue(debug.err().startsWith(plain.err().strip() + System.lineSeparator()), debug.err());
    assertTrue(debug.err().contains("\tat org.voxbeam."), debug.err());
    Outcome missing = cli("run", dir.resolve("missing.json").toString(), "--in-memory", "--debug");
    assertUsageErrorOrBadInput(missing, "missing.json");
    Outcome beamForm = cli("--debug", dir.resolve("missing.json").toString());
    assertEquals(2, beamForm.exitCode(), beamForm.err());
    assertTrue(beamForm.err().contains("missing.json"), beamForm.err());
  }

  private static void assertUsageErrorOrBadInput(Outcome outcome, String mention) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome.err().startsWith("error: ") && outcome.err().contains(mention), outcome.err());
  }

  @Test
  void errorsCarryOneErrorPrefix() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.imgql"), "x = (1 +\n");
    Outcome syntax = cli("plan", bad.toString());
    assertEquals(2, syntax.exitCode());
    assertTrue(syntax.err().startsWith(bad + ":2:1: error: "), syntax.err());
    assertUsageError(
        cli("run"), "error: missing required parameter: 'PLAN'", "see 'voxbeam run --help'");
    assertUsageError(cli("store"), "a store command is required");
    assertUsageError(cli(), "a command is required");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    for (String flag : List.of("--version", "-V")) {
      Outcome outcome = cli(flag);
      assertEquals(0, outcome.exitCode(), outcome.err());
      assertTrue(outcome.out().matches("voxbeam \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), outcome.out());
    }
  }
}
