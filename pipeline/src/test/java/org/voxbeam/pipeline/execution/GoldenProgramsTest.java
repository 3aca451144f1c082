package org.voxbeam.pipeline.execution;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.testing.SharedFixtures;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.transforms.library.StandardLibrary;

/**
 * Every golden program's plan, exported by VoxLogicA-2, runs to the values VoxLogicA-2 computed:
 * numbers compared exactly, integers kept apart from floats, sequences item by item.
 */
class GoldenProgramsTest {
  @TestFactory
  Stream<DynamicTest> goldenPlansRunToExpectedValues() {
    List<Path> programs = SharedFixtures.goldenPrograms();
    assertFalse(programs.isEmpty());
    return programs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  @Test
  void bratsPlanImports() {
    for (Path dir : SharedFixtures.goldenPlans()) {
      Plan plan = PlanJsonReader.strict().read(dir.resolve("plan.json"));
      assertFalse(plan.goals().isEmpty());
    }
  }

  private static void check(Path dir) {
    Plan plan = PlanJsonReader.strict().read(dir.resolve("plan.json"));
    JsonObject expected = (JsonObject) JsonReader.parse(SharedFixtures.read(dir.resolve("expected.json")));
    RunResult result = run(plan, 4);
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
      assertEquals(
          CanonicalJson.write(goal.get("value").orElseThrow()),
          CanonicalJson.write(ValueJson.toJson(actual.value())),
          name);
      goal.getString("vox_type").ifPresent(type -> assertEquals(type, actual.value().voxType(), name));
    }
  }

  private static void checkVoxBeamExpectation(String name, JsonObject expectation, GoalResult actual) {
    String status = expectation.getString("status").orElseThrow();
    if (status.equals("failed")) {
      ErrorValue error = assertInstanceOf(ErrorValue.class, actual.value(), name);
      String mention = expectation.getString("error_mentions").orElseThrow();
      assertTrue(error.describe().toLowerCase().contains(mention), error.describe());
    } else {
      assertEquals(
          CanonicalJson.write(expectation.get("value").orElseThrow()),
          CanonicalJson.write(ValueJson.toJson(actual.value())),
          name);
    }
  }

  static RunResult run(Plan plan, int threads) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return new DynamicScheduler(
              new NodeEvaluator(StandardLibrary.registry()), store, SchedulerOptions.defaults().withThreads(threads))
          .run(plan, ExecutionListener.NONE);
    }
  }
}
