package org.voxbeam.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.testing.SharedFixtures;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.ValueJson;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonReader;

/**
 * Every golden program's plan, run as a Beam pipeline on the DirectRunner over a persistent
 * store, gives the values VoxLogicA-2 computed (or the failures VoxBeam documents instead).
 * Two stages at most, so results cross a stage boundary through the store.
 */
class BeamGoldenProgramsTest {
  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> goldenPlansRunToExpectedValuesOnBeam() {
    List<Path> programs = SharedFixtures.goldenPrograms();
    assertFalse(programs.isEmpty());
    return programs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) {
    Plan plan = PlanJsonReader.strict().read(dir.resolve("plan.json"));
    JsonObject expected = (JsonObject) JsonReader.parse(SharedFixtures.read(dir.resolve("expected.json")));
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve(dir.getFileName().toString()), 2, 2);
    RunResult result = BeamTestRuns.run(options, plan, lowered -> {}).result();
    Map<String, GoalResult> byName = new HashMap<>();
    result.goals().forEach(goal -> byName.put(goal.goal().name(), goal));
    JsonObject voxbeamExpected = (JsonObject) expected.get("voxbeam_expected").orElse(null);
    for (JsonValue entry : ((JsonArray) expected.get("goals").orElseThrow()).items()) {
      JsonObject goal = (JsonObject) entry;
      String name = goal.getString("name").orElseThrow();
      GoalResult actual = byName.get(name);
      assertEquals(goal.getString("id").orElseThrow(), actual.goal().id().hex(), name);
      if (voxbeamExpected != null) {
        checkVoxBeamExpectation(name, (JsonObject) voxbeamExpected.get(name).orElseThrow(), actual);
        continue;
      }
      assertFalse(actual.failed(), () -> name + " failed: " + actual.value());
      assertEquals(CanonicalJson.write(goal.get("value").orElseThrow()), CanonicalJson.write(ValueJson.toJson(actual.value())), name);
      goal.getString("vox_type").ifPresent(type -> assertEquals(type, actual.value().voxType(), name));
    }
  }

  private static void checkVoxBeamExpectation(String name, JsonObject expectation, GoalResult actual) {
    if (expectation.getString("status").orElseThrow().equals("failed")) {
      ErrorValue error = assertInstanceOf(ErrorValue.class, actual.value(), name);
      String mention = expectation.getString("error_mentions").orElseThrow();
      assertTrue(error.describe().toLowerCase().contains(mention), error.describe());
    } else {
      assertEquals(
          CanonicalJson.write(expectation.get("value").orElseThrow()), CanonicalJson.write(ValueJson.toJson(actual.value())), name);
    }
  }
}
