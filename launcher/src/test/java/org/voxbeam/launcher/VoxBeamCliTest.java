package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VoxBeamCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  private static Path golden(String program) {
    return SharedFixtures.golden().resolve("programs").resolve(program).resolve("plan.json");
  }

  @Test
  void runPrintsGoalsAsNameEqualsValue() {
    Outcome outcome = cli("run", golden("filter-fold").toString(), "--threads", "2", "--in-memory");
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
    Outcome outcome =
        cli(
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
    Outcome outcome =
        cli("run", golden("errors-div0").toString(), "--store", dir.resolve("store").toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(outcome.out().contains("b=4.0"), outcome.out());
    assertTrue(outcome.out().contains("a=<error: vox1./"), outcome.out());
    assertTrue(outcome.out().contains("float division by zero"), outcome.out());
  }

  private Outcome runPlan(String json) throws IOException {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, json);
    return cli("run", plan.toString(), "--store", dir.resolve("store").toString());
  }

  private static void assertOneLineError(Outcome outcome, String... mentions) {
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
        cli("run", dir.resolve("missing.json").toString(), "--in-memory"),
        "missing.json",
        "no such file");
  }

  @Test
  void badFlagsExitWithTwo() {
    assertEquals(2, cli("run").exitCode());
    assertEquals(
        2, cli("run", golden("floats").toString(), "--threads", "0", "--in-memory").exitCode());
    assertEquals(2, cli("store", "evict", "--store", dir.resolve("s").toString()).exitCode());
    assertEquals(
        2,
        cli("store", "gc", "--grace", "soon", "--store", dir.resolve("s").toString()).exitCode());
    assertEquals(2, cli("frobnicate").exitCode());
  }

  @Test
  void withoutACommandThePlanRunsOnBeamsDirectRunner() {
    String store = dir.resolve("store").toString();
    Outcome beam = cli(golden("filter-fold").toString(), "--store", store, "--threads", "2");
    assertEquals(0, beam.exitCode(), beam.err());
    Outcome inProcess = cli("run", golden("filter-fold").toString(), "--in-memory");
    assertEquals(inProcess.out(), beam.out());
    assertTrue(beam.err().contains("12 nodes: 12 computed, 0 from store, 0 failed"), beam.err());
    Outcome again =
        cli(
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
    Outcome outcome =
        cli(
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
        cli("--runner=DirectRunner", "--noSuchOption=1", plan, "--store", store), "noSuchOption");
    assertOneLineError(
        cli("--runner=FlinkRunner", plan, "--store", store), "FlinkRunner", "-Pflink");
    assertOneLineError(cli("--maxStages=0", plan, "--store", store), "--maxStages");
    assertOneLineError(cli(plan, "--in-memory"), "--in-memory");
    assertOneLineError(cli("run", "--flinkMaster=[local]", plan, "--in-memory"), "--flinkMaster");
  }

  @Test
  void aSecondRunReadsFromThePersistentStore() {
    String store = dir.resolve("store").toString();
    Outcome first = cli("run", golden("filter-fold").toString(), "--store", store);
    assertEquals(0, first.exitCode(), first.err());
    Outcome second = cli("run", golden("filter-fold").toString(), "--store", store);
    assertEquals(first.out(), second.out());
    assertTrue(second.err().contains("0 computed, 5 from store"), second.err());
  }

  @Test
  void storeCommandsReportAndMaintain() throws IOException {
    String store = dir.resolve("store").toString();
    cli("run", golden("arrays-index-slice").toString(), "--store", store);
    Outcome stats = cli("store", "stats", "--store", store);
    assertEquals(0, stats.exitCode(), stats.err());
    assertTrue(stats.out().contains("sequence"), stats.out());
    Outcome verify = cli("store", "verify", "--store", store);
    assertEquals(0, verify.exitCode(), verify.out());
    assertTrue(verify.out().contains(": ok"), verify.out());
    assertTrue(
        cli("store", "gc", "--dry-run", "--store", store).out().startsWith("would remove 0 blobs"));
    Outcome compact = cli("store", "compact", "--store", store);
    assertEquals(0, compact.exitCode(), compact.err());
    Outcome evict = cli("store", "evict", "--max-age", "1d", "--dry-run", "--store", store);
    assertTrue(evict.out().startsWith("would evict 0 results"), evict.out());
    Path notAStore = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(notAStore.resolve("file.txt"), "x");
    assertOneLineError(
        cli("store", "stats", "--store", notAStore.toString()), "not a VoxBeam store");
  }

  @Test
  void exportWritesJsonDotAndMermaid() {
    Outcome json = cli("export", golden("map-closure").toString());
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.out().contains("\"body\": \"*(x,k)\""), json.out());
    Outcome dot = cli("export", golden("map-closure").toString(), "--format", "dot");
    assertTrue(dot.out().startsWith("digraph plan {"), dot.out());
    Outcome mermaid = cli("export", golden("map-closure").toString(), "--format", "mermaid");
    assertTrue(mermaid.out().startsWith("flowchart TD\n"), mermaid.out());
    assertTrue(mermaid.out().contains("[/\"print scaled\"/]"), mermaid.out());
  }

  @Test
  void listPrimitivesShowsNamespaces() {
    Outcome outcome = cli("list-primitives");
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
      Outcome fromPlan = cli("run", golden(name).toString(), "--in-memory");
      Outcome fromProgram = cli("run", program(name).toString(), "--in-memory");
      assertEquals(fromPlan.exitCode(), fromProgram.exitCode(), name + ": " + fromProgram.err());
      assertEquals(fromPlan.out(), fromProgram.out(), name);
    }
  }

  @Test
  void planWritesTheReducedPlanAsJsonOrDot() throws IOException {
    Outcome json = cli("plan", program("map-closure").toString(), "--json");
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.out().contains("\"body\": \"*(x,k)\""), json.out());
    String expected =
        Files.readString(SharedFixtures.golden().resolve("programs/map-closure/expected.json"));
    String scaledId =
        expected.substring(expected.indexOf("\"id\": \"") + 7, expected.indexOf("\"id\": \"") + 71);
    assertTrue(json.out().contains(scaledId), scaledId);
    Outcome dot =
        cli(
            "plan",
            program("map-closure").toString(),
            "--dot",
            "-o",
            dir.resolve("p.dot").toString());
    assertEquals(0, dot.exitCode(), dot.err());
    assertTrue(Files.readString(dir.resolve("p.dot")).startsWith("digraph plan {"));
    assertEquals(2, cli("plan", program("map-closure").toString(), "--json", "--dot").exitCode());
  }

  @Test
  void explainTellsStoredFromToCompute() {
    String store = dir.resolve("store").toString();
    Outcome missing = cli("explain", program("filter-fold").toString(), "--store", store);
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(missing.err().startsWith("error: no result store at "), missing.err());
    assertFalse(Files.exists(dir.resolve("store")), "explain never creates a store");
    Outcome before = cli("explain", program("filter-fold").toString(), "--in-memory");
    assertEquals(0, before.exitCode(), before.err());
    assertTrue(before.out().contains("summary: 5 goals (0 in store, 5 to compute)"), before.out());
    assertTrue(before.out().contains("to compute  default.fold"), before.out());
    cli("run", program("filter-fold").toString(), "--store", store);
    Outcome after = cli("explain", program("filter-fold").toString(), "--store", store);
    assertTrue(after.out().contains("summary: 5 goals (5 in store, 0 to compute)"), after.out());
  }

  @Test
  void badProgramsGiveLocatedErrorsAndExitTwo() throws IOException {
    Path bad = dir.resolve("bad.imgql");
    Files.writeString(bad, "f(x) = x + qq\nprint \"a\" f(2)\n");
    Outcome unbound = cli("run", bad.toString(), "--in-memory");
    assertEquals(2, unbound.exitCode());
    assertTrue(unbound.err().contains("bad.imgql:1:12: error: unbound name 'qq'"), unbound.err());
    assertTrue(unbound.err().contains("f(x) = x + qq\n           ^"), unbound.err());
    assertTrue(unbound.err().contains("in 'f' called at"), unbound.err());
    assertFalse(unbound.err().contains("Exception"), unbound.err());
    Files.writeString(bad, "x = (1 +\n");
    Outcome syntax = cli("plan", bad.toString());
    assertEquals(2, syntax.exitCode());
    assertTrue(
        syntax.err().contains("bad.imgql:2:1: error: unexpected end of input"), syntax.err());
    Outcome missing = cli("explain", dir.resolve("absent.imgql").toString(), "--in-memory");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("cannot read program"), missing.err());
  }
}
