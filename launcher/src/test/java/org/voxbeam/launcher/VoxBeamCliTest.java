package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/** The command line end to end, in process: output, exit codes and one-line errors. */
class VoxBeamCliTest {
  private static final String A =
      "6447fe7569d0458da048592bf3798974c8adb4ad29c886d49bf0c14b5e2f6352";
  private static final String B =
      "80d4cbcc106df22b52fd9a0dc4435b10cd838af0ea99a88b650748d1910e78f1";

  @TempDir Path dir;

  private static Path golden(String program) {
    return SharedFixtures.golden().resolve("programs").resolve(program).resolve("plan.json");
  }

  @Test
  void runPrintsGoalsAsNameEqualsValue() {
    CliOutcome outcome =
        CliOutcome.run("run", golden("filter-fold").toString(), "--threads", "2", "--in-memory");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals(
        String.join(
            System.lineSeparator(),
            "big=[5, 6, 7, 8, 9]",
            "total=45.0",
            "product=120.0",
            "peak=9",
            "low=5",
            ""),
        outcome.out());
    assertTrue(outcome.err().contains("computed"), outcome.err());
  }

  @Test
  void runWithJsonGivesTypedValues() {
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            golden("strings").toString(),
            "--json",
            "--store",
            dir.resolve("store").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("\"value\": \"87.32%\""), outcome.out());
    assertTrue(outcome.out().contains("\"vox_type\": \"string\""), outcome.out());
  }

  @Test
  void aFailedGoalExitsWithOneAndOtherGoalsStillPrint() {
    CliOutcome outcome =
        CliOutcome.run(
            "run", golden("errors-div0").toString(), "--store", dir.resolve("store").toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(outcome.out().contains("b=4.0"), outcome.out());
    assertTrue(outcome.out().contains("a=<error: vox1./"), outcome.out());
    assertTrue(outcome.out().contains("float division by zero"), outcome.out());
  }

  private CliOutcome runPlan(String json) throws IOException {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, json);
    return CliOutcome.run("run", plan.toString(), "--store", dir.resolve("store").toString());
  }

  private static void assertOneLineError(CliOutcome outcome, String... mentions) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals("", outcome.out());
    String message = outcome.err().strip();
    assertFalse(message.contains("\n"), message);
    assertFalse(message.contains("Exception"), message);
    assertFalse(message.contains("\tat "), message);
    for (String mention : mentions) {
      assertTrue(message.contains(mention), message);
    }
  }

  @Test
  void badPlansGiveOneLineErrorsNamingTheNode() throws IOException {
    String op =
        "{\"id\":\"%s\",\"type\":\"operation\",\"operator\":\"vox1.+\",\"arguments\":{\"0\":\"%s\"},\"output_kind\":\"scalar\"}";
    String goal = ",\"goals\":[{\"operation\":\"print\",\"id\":\"" + A + "\",\"name\":\"g\"}]}";
    assertOneLineError(
        runPlan(
            "{\"nodes\":[" + String.format(op, A, B) + "," + String.format(op, B, A) + "]" + goal),
        "cycle",
        "node ");
    assertOneLineError(
        runPlan("{\"nodes\":[" + String.format(op, A, B) + "]" + goal), A, B, "not in the plan");
    assertOneLineError(
        runPlan(
            "{\"nodes\":[{\"id\":\""
                + A
                + "\",\"type\":\"constant\",\"value\":3.0,\"output_kind\":\"scalar\"}]"
                + goal),
        A,
        "does not match");
    assertOneLineError(runPlan("{\"nodes\":[{\"id\":"), "plan.json:1:", "malformed JSON");
    assertOneLineError(
        CliOutcome.run("run", dir.resolve("missing.json").toString(), "--in-memory"),
        "missing.json",
        "no such file");
  }

  @Test
  void badFlagsExitWithTwo() {
    assertEquals(2, CliOutcome.run("run").exitCode());
    assertEquals(
        2,
        CliOutcome.run("run", golden("floats").toString(), "--threads", "0", "--in-memory")
            .exitCode());
    assertEquals(
        2, CliOutcome.run("store", "evict", "--store", dir.resolve("s").toString()).exitCode());
    assertEquals(
        2,
        CliOutcome.run("store", "gc", "--grace", "soon", "--store", dir.resolve("s").toString())
            .exitCode());
    assertEquals(2, CliOutcome.run("frobnicate").exitCode());
  }

  @Test
  void withoutACommandThePlanRunsOnBeamsDirectRunner() {
    String store = dir.resolve("store").toString();
    CliOutcome beam =
        CliOutcome.run(golden("filter-fold").toString(), "--store", store, "--threads", "2");
    assertEquals(0, beam.exitCode(), beam.err());
    CliOutcome inProcess = CliOutcome.run("run", golden("filter-fold").toString(), "--in-memory");
    assertEquals(inProcess.out(), beam.out());
    assertTrue(beam.err().contains("12 nodes: 12 computed, 0 from store, 0 failed"), beam.err());
    CliOutcome again =
        CliOutcome.run(
            "run",
            "--runner=DirectRunner",
            "--maxStages=2",
            golden("filter-fold").toString(),
            "--store",
            store);
    assertEquals(inProcess.out(), again.out());
    assertTrue(again.err().contains("0 computed, 5 from store"), again.err());
  }

  @Test
  void aFailedGoalOnBeamExitsWithOneAndOtherGoalsStillPrint() {
    CliOutcome outcome =
        CliOutcome.run(
            "--runner=DirectRunner",
            golden("errors-div0").toString(),
            "--store",
            dir.resolve("store").toString());
    assertEquals(1, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("b=4.0"), outcome.out());
    assertTrue(outcome.out().contains("float division by zero"), outcome.out());
  }

  @Test
  void badBeamOptionsExitWithTwoAndOneLine() {
    String plan = golden("floats").toString();
    String store = dir.resolve("store").toString();
    assertOneLineError(
        CliOutcome.run("--runner=DirectRunner", "--noSuchOption=1", plan, "--store", store),
        "noSuchOption");
    assertOneLineError(
        CliOutcome.run("--runner=FlinkRunner", plan, "--store", store), "FlinkRunner", "-Pflink");
    assertOneLineError(CliOutcome.run("--maxStages=0", plan, "--store", store), "--maxStages");
    assertOneLineError(CliOutcome.run(plan, "--in-memory"), "--in-memory");
    assertOneLineError(
        CliOutcome.run("run", "--flinkMaster=[local]", plan, "--in-memory"), "--flinkMaster");
  }

  @Test
  void aSecondRunReadsFromThePersistentStore() {
    String store = dir.resolve("store").toString();
    CliOutcome first = CliOutcome.run("run", golden("filter-fold").toString(), "--store", store);
    assertEquals(0, first.exitCode(), first.err());
    CliOutcome second = CliOutcome.run("run", golden("filter-fold").toString(), "--store", store);
    assertEquals(first.out(), second.out());
    assertTrue(second.err().contains("0 computed, 5 from store"), second.err());
  }

  @Test
  void storeCommandsReportAndMaintain() throws IOException {
    String store = dir.resolve("store").toString();
    CliOutcome.run("run", golden("arrays-index-slice").toString(), "--store", store);
    CliOutcome stats = CliOutcome.run("store", "stats", "--store", store);
    assertEquals(0, stats.exitCode(), stats.err());
    assertTrue(stats.out().contains("sequence"), stats.out());
    CliOutcome verify = CliOutcome.run("store", "verify", "--store", store);
    assertEquals(0, verify.exitCode(), verify.out());
    assertTrue(verify.out().contains(": ok"), verify.out());
    assertTrue(
        CliOutcome.run("store", "gc", "--dry-run", "--store", store)
            .out()
            .startsWith("would remove 0 blobs"));
    CliOutcome compact = CliOutcome.run("store", "compact", "--store", store);
    assertEquals(0, compact.exitCode(), compact.err());
    CliOutcome evict =
        CliOutcome.run("store", "evict", "--max-age", "1d", "--dry-run", "--store", store);
    assertTrue(evict.out().startsWith("would evict 0 results"), evict.out());
    Path notAStore = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(notAStore.resolve("file.txt"), "x");
    assertOneLineError(
        CliOutcome.run("store", "stats", "--store", notAStore.toString()), "not a VoxBeam store");
  }

  @Test
  void exportWritesJsonDotAndMermaid() {
    CliOutcome json = CliOutcome.run("export", golden("map-closure").toString());
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.out().contains("\"body\": \"*(x,k)\""), json.out());
    CliOutcome dot = CliOutcome.run("export", golden("map-closure").toString(), "--format", "dot");
    assertTrue(dot.out().startsWith("digraph plan {"), dot.out());
    CliOutcome mermaid =
        CliOutcome.run("export", golden("map-closure").toString(), "--format", "mermaid");
    assertTrue(mermaid.out().startsWith("flowchart TD\n"), mermaid.out());
    assertTrue(mermaid.out().contains("[/\"print scaled\"/]"), mermaid.out());
  }

  @Test
  void listPrimitivesShowsNamespaces() {
    CliOutcome outcome = CliOutcome.run("list-primitives");
    assertEquals(0, outcome.exitCode());
    assertTrue(outcome.out().contains("default.map"));
    assertTrue(outcome.out().contains("vox1.+"));
    assertTrue(outcome.out().contains("strings.format_string"));
  }

  private static Path program(String name) {
    return SharedFixtures.golden().resolve("programs").resolve(name).resolve("program.imgql");
  }

  @Test
  void runningAProgramPrintsWhatRunningItsVoxLogicA2PlanPrints() {
    for (Path dir : SharedFixtures.goldenPrograms()) {
      String name = dir.getFileName().toString();
      CliOutcome fromPlan = CliOutcome.run("run", golden(name).toString(), "--in-memory");
      CliOutcome fromProgram = CliOutcome.run("run", program(name).toString(), "--in-memory");
      assertEquals(fromPlan.exitCode(), fromProgram.exitCode(), name + ": " + fromProgram.err());
      assertEquals(fromPlan.out(), fromProgram.out(), name);
    }
  }

  @Test
  void planWritesTheReducedPlanAsJsonOrDot() throws IOException {
    CliOutcome json = CliOutcome.run("plan", program("map-closure").toString(), "--json");
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.out().contains("\"body\": \"*(x,k)\""), json.out());
    String expected =
        Files.readString(SharedFixtures.golden().resolve("programs/map-closure/expected.json"));
    String scaledId =
        expected.substring(expected.indexOf("\"id\": \"") + 7, expected.indexOf("\"id\": \"") + 71);
    assertTrue(json.out().contains(scaledId), scaledId);
    CliOutcome dot =
        CliOutcome.run(
            "plan",
            program("map-closure").toString(),
            "--dot",
            "-o",
            dir.resolve("p.dot").toString());
    assertEquals(0, dot.exitCode(), dot.err());
    assertTrue(Files.readString(dir.resolve("p.dot")).startsWith("digraph plan {"));
    assertEquals(
        2, CliOutcome.run("plan", program("map-closure").toString(), "--json", "--dot").exitCode());
  }

  @Test
  void explainTellsStoredFromToCompute() {
    String store = dir.resolve("store").toString();
    CliOutcome missing =
        CliOutcome.run("explain", program("filter-fold").toString(), "--store", store);
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(missing.err().startsWith("error: no result store at "), missing.err());
    assertFalse(Files.exists(dir.resolve("store")), "explain never creates a store");
    CliOutcome before = CliOutcome.run("explain", program("filter-fold").toString(), "--in-memory");
    assertEquals(0, before.exitCode(), before.err());
    assertTrue(before.out().contains("summary: 5 goals (0 in store, 5 to compute)"), before.out());
    assertTrue(before.out().contains("to compute  default.fold"), before.out());
    CliOutcome.run("run", program("filter-fold").toString(), "--store", store);
    CliOutcome after =
        CliOutcome.run("explain", program("filter-fold").toString(), "--store", store);
    assertTrue(after.out().contains("summary: 5 goals (5 in store, 0 to compute)"), after.out());
  }

  @Test
  void badProgramsGiveLocatedErrorsAndExitTwo() throws IOException {
    Path bad = dir.resolve("bad.imgql");
    Files.writeString(bad, "f(x) = x + qq\nprint \"a\" f(2)\n");
    CliOutcome unbound = CliOutcome.run("run", bad.toString(), "--in-memory");
    assertEquals(2, unbound.exitCode());
    assertTrue(unbound.err().contains("bad.imgql:1:12: error: unbound name 'qq'"), unbound.err());
    assertTrue(unbound.err().contains("f(x) = x + qq\n           ^"), unbound.err());
    assertTrue(unbound.err().contains("in 'f' called at"), unbound.err());
    assertFalse(unbound.err().contains("Exception"), unbound.err());
    Files.writeString(bad, "x = (1 +\n");
    CliOutcome syntax = CliOutcome.run("plan", bad.toString());
    assertEquals(2, syntax.exitCode());
    assertTrue(
        syntax.err().contains("bad.imgql:2:1: error: unexpected end of input"), syntax.err());
    CliOutcome missing =
        CliOutcome.run("explain", dir.resolve("absent.imgql").toString(), "--in-memory");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("cannot read program"), missing.err());
  }
}
