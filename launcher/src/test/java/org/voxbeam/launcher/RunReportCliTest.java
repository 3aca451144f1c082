package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.testkit.SharedFixtures;

/** The report that ends {@code run} and the progress bar: where they go and what they say. */
class RunReportCliTest {
  @TempDir Path dir;

  private static String golden(String program) {
    return SharedFixtures.golden()
        .resolve("programs")
        .resolve(program)
        .resolve("plan.json")
        .toString();
  }

  private String store() {
    return dir.resolve("store").toString();
  }

  @Test
  void theReportNamesGoalsCountsBytesAndPhases() {
    CliOutcome first = CliOutcome.run("run", golden("filter-fold"), "--store", store());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(
        first.err().contains("voxbeam: 12 nodes: 12 computed, 0 from store, 0 failed, in "),
        first.err());
    assertTrue(first.err().contains("voxbeam: goals: 5 materialized, 0 failed\n"), first.err());
    assertTrue(
        first.err().matches("(?s).*voxbeam: store: [0-9.]+ (B|KiB) written\n.*"), first.err());
    assertTrue(
        first.err().matches("(?s).*voxbeam: time: planning \\d+ ms, execution \\d+ ms\n.*"),
        first.err());

    CliOutcome second = CliOutcome.run("run", golden("filter-fold"), "--store", store());
    assertTrue(second.err().contains("voxbeam: store: 0 B written"), second.err());
  }

  @Test
  void failedGoalsAreNamed() {
    CliOutcome outcome = CliOutcome.run("run", golden("errors-div0"), "--in-memory");
    assertEquals(1, outcome.exitCode());
    assertTrue(
        outcome.err().matches("(?s).*voxbeam: goals: \\d+ materialized, 1 failed \\(a\\)\n.*"),
        outcome.err());
    assertFalse(
        outcome.err().contains("store:"), "an in-memory store is not measured: " + outcome.err());
  }

  @Test
  void theJsonDocumentCarriesTheReport() {
    CliOutcome outcome = CliOutcome.run("run", golden("filter-fold"), "--json", "--store", store());
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonObject report =
        (JsonObject) ((JsonObject) JsonReader.parse(outcome.out())).get("report").orElseThrow();
    assertEquals(new JsonString("in-process"), report.get("runner").orElseThrow());
    JsonObject nodes = (JsonObject) report.get("nodes").orElseThrow();
    assertEquals(JsonValue.of(12), nodes.get("total").orElseThrow());
    assertEquals(JsonValue.of(12), nodes.get("computed").orElseThrow());
    assertEquals(JsonValue.of(0), nodes.get("cached").orElseThrow());
    assertEquals(JsonValue.of(0), nodes.get("failed").orElseThrow());
    assertTrue(
        ((JsonInteger) report.get("bytes_written").orElseThrow()).value().signum() > 0,
        outcome.out());
    JsonArray goals = (JsonArray) report.get("goals").orElseThrow();
    assertEquals(5, goals.items().size());
    assertEquals(
        new JsonString("materialized"),
        ((JsonObject) goals.items().get(0)).get("status").orElseThrow());
    JsonArray stages = (JsonArray) report.get("stages").orElseThrow();
    assertEquals(
        new JsonString("planning"), ((JsonObject) stages.items().get(0)).get("name").orElseThrow());
    assertEquals(
        new JsonString("execution"),
        ((JsonObject) stages.items().get(1)).get("name").orElseThrow());
  }

  @Test
  void onBeamTheReportTimesEachStage() {
    CliOutcome outcome =
        CliOutcome.run(
            "--runner=DirectRunner",
            "--maxStages=2",
            golden("filter-fold"),
            "--store",
            store(),
            "--json");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome
            .err()
            .matches(
                "(?s).*voxbeam: time: planning \\d+ ms, stage 1 \\d+ ms, stage 2 \\d+ ms, stage 3 \\d+ ms,"
                    + " collecting goals \\d+ ms\n.*"),
        outcome.err());
    JsonObject report =
        (JsonObject) ((JsonObject) JsonReader.parse(outcome.out())).get("report").orElseThrow();
    assertEquals(new JsonString("DirectRunner"), report.get("runner").orElseThrow());
  }

  @Test
  void noProgressBarUnlessAskedWhenNotOnATerminal() {
    CliOutcome quiet = CliOutcome.run("run", golden("filter-fold"), "--in-memory");
    CliOutcome off = CliOutcome.run("run", golden("filter-fold"), "--in-memory", "--no-progress");
    assertFalse(quiet.err().contains("\r"), quiet.err());
    assertFalse(off.err().contains("\r"), off.err());
  }

  @Test
  void aForcedProgressBarIsPlainTextOnStandardErrorOnly() {
    CliOutcome plain = CliOutcome.run("run", golden("filter-fold"), "--in-memory");
    CliOutcome shown = CliOutcome.run("run", golden("filter-fold"), "--in-memory", "--progress");
    assertEquals(0, shown.exitCode(), shown.err());
    assertEquals(plain.out(), shown.out());
    assertTrue(shown.err().contains("\rvoxbeam"), shown.err());
    assertTrue(shown.err().contains("12/12"), shown.err());
    assertFalse(
        shown.err().contains("\u001b"), "no escape sequences off a terminal: " + shown.err());
    assertTrue(
        shown.err().contains("\nvoxbeam: 12 nodes:"),
        "the report starts on its own line: " + shown.err());

    CliOutcome json =
        CliOutcome.run("run", golden("filter-fold"), "--in-memory", "--progress", "--json");
    assertTrue(JsonReader.parse(json.out()) instanceof JsonObject, json.out());
  }

  @Test
  void progressOnBeamFollowsTheStages() {
    CliOutcome shown =
        CliOutcome.run(
            "--runner=DirectRunner", golden("filter-fold"), "--store", store(), "--progress");
    assertEquals(0, shown.exitCode(), shown.err());
    assertTrue(shown.err().contains("done"), shown.err());
    assertFalse(shown.err().contains("\u001b"), shown.err());
  }
}
