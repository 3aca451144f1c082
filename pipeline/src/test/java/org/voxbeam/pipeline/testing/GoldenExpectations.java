package org.voxbeam.pipeline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.ValueJson;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Checks a run of a golden program against its {@code expected.json}: every goal's id, then its
 * value exactly (ints kept apart from floats, sequences item by item) and VoxLogicA-2's type, or,
 * where VoxBeam documents a different behaviour ({@code voxbeam_expected}), that one.
 */
public final class GoldenExpectations {
  private GoldenExpectations() {}

  /**
   * Asserts that {@code result}, a run of the plan in {@code programDir}, gives the expected goals.
   */
  public static void assertMatches(Path programDir, RunResult result) {
    JsonObject expected =
        (JsonObject) JsonReader.parse(SharedFixtures.read(programDir.resolve("expected.json")));
    Map<String, GoalResult> byName = new HashMap<>();
    result.goals().forEach(goal -> byName.put(goal.goal().name(), goal));
    JsonObject voxbeamExpected = (JsonObject) expected.get("voxbeam_expected").orElse(null);
    for (JsonValue entry : ((JsonArray) expected.get("goals").orElseThrow()).items()) {
      JsonObject goal = (JsonObject) entry;
      String name = goal.getString("name").orElseThrow();
      GoalResult actual = byName.get(name);
      assertNotNull(actual, "no goal " + name);
      assertEquals(goal.getString("id").orElseThrow(), actual.goal().id().hex(), name);
      if (voxbeamExpected != null) {
        assertVoxBeamExpectation(
            name, (JsonObject) voxbeamExpected.get(name).orElseThrow(), actual);
        continue;
      }
      assertFalse(actual.failed(), () -> name + " failed: " + actual.value());
      assertEquals(
          CanonicalJson.write(goal.get("value").orElseThrow()),
          CanonicalJson.write(ValueJson.toJson(actual.value())),
          name);
      goal.getString("vox_type")
          .ifPresent(type -> assertEquals(type, actual.value().voxType(), name));
    }
  }

  private static void assertVoxBeamExpectation(
      String name, JsonObject expectation, GoalResult actual) {
    if (expectation.getString("status").orElseThrow().equals("failed")) {
      ErrorValue error = assertInstanceOf(ErrorValue.class, actual.value(), name);
      String mention = expectation.getString("error_mentions").orElseThrow();
      assertTrue(error.describe().toLowerCase(Locale.ROOT).contains(mention), error.describe());
    } else {
      assertEquals(
          CanonicalJson.write(expectation.get("value").orElseThrow()),
          CanonicalJson.write(ValueJson.toJson(actual.value())),
          name);
    }
  }
}
