package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Programs beyond the shared goldens, reduced by VoxLogicA-2's own reducer (goals and the ids
 * reachable from them recorded in {@code reducer-vectors.json}): vox1 library functions inside
 * closures, shadowed declarations captured by functions, nested function captures, primitives
 * passed to {@code map}, qualified names, user operators, slices and program variables; a 20-deep
 * chain of functions each calling the previous one twice (memoised inlining must give the plan
 * repeated inlining gives), repeated calls inside functions and loops, and {@code _} as a {@code
 * let}, parameter and loop name.
 */
class ReducerVectorsTest {

  @TestFactory
  Stream<DynamicTest> vectorsReduceLikeVoxLogicA2() {
    JsonObject vectors = (JsonObject) JsonReader.parse(resource("reducer-vectors.json"));
    assertFalse(vectors.members().isEmpty());
    return vectors.members().entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(), () -> check((JsonObject) entry.getValue())));
  }

  private static void check(JsonObject vector) {
    Plan plan =
        Reducer.standard().reduceText(vector.getString("source").orElseThrow(), "program.imgql");
    List<String> goals = new ArrayList<>();
    for (JsonValue goal : ((JsonArray) vector.get("goals").orElseThrow()).items()) {
      List<JsonValue> fields = ((JsonArray) goal).items();
      goals.add(strings(fields));
    }
    List<String> actualGoals =
        plan.goals().stream()
            .map(goal -> goal.operation().wireName() + " " + goal.name() + " " + goal.id().hex())
            .toList();
    assertEquals(goals, actualGoals, "goals");
    List<String> nodes = new ArrayList<>();
    for (JsonValue id : ((JsonArray) vector.get("nodes").orElseThrow()).items()) {
      nodes.add(((JsonString) id).value());
    }
    assertEquals(
        nodes, ReducerGoldenTest.reachable(plan).stream().map(NodeId::hex).toList(), "nodes");
  }

  private static String strings(List<JsonValue> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach(field -> parts.add(((JsonString) field).value()));
    return String.join(" ", parts);
  }

  private static String resource(String name) {
    try (InputStream in = ReducerVectorsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
