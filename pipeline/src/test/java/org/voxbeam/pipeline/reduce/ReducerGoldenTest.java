package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Every golden program reduces to VoxLogicA-2's plan: the same goals, in order, with the same ids,
 * and exactly the same set of nodes reachable from them.
 */
class ReducerGoldenTest {

  @TestFactory
  Stream<DynamicTest> goldenProgramsReduceToVoxLogicA2Plans() {
    List<Path> dirs = new ArrayList<>(SharedFixtures.goldenPrograms());
    dirs.addAll(SharedFixtures.goldenPlans());
    assertFalse(dirs.isEmpty());
    return dirs.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws Exception {
    Plan expected = PlanJsonReader.strict().read(dir.resolve("plan.json"));
    Plan actual =
        new Reducer(PrimitiveCatalog.voxLogicA2(), dir).reduceFile(Path.of("program.imgql"));
    assertEquals(describe(expected.goals()), describe(actual.goals()), "goals");
    assertEquals(reachable(expected), reachable(actual), "nodes reachable from the goals");
    Path expectations = dir.resolve("expected.json");
    if (Files.exists(expectations)) {
      JsonObject json = (JsonObject) JsonReader.parse(SharedFixtures.read(expectations));
      List<String> ids = new ArrayList<>();
      for (JsonValue goal : ((JsonArray) json.get("goals").orElseThrow()).items()) {
        ids.add(((JsonObject) goal).getString("id").orElseThrow());
      }
      assertEquals(
          ids, actual.goals().stream().map(goal -> goal.id().hex()).toList(), "expected.json ids");
    }
  }

  private static List<String> describe(List<Goal> goals) {
    return goals.stream()
        .map(goal -> goal.operation().wireName() + " " + goal.name() + " " + goal.id().hex())
        .toList();
  }

  static Set<NodeId> reachable(Plan plan) {
    Set<NodeId> seen = new TreeSet<>();
    Deque<NodeId> pending = new ArrayDeque<>();
    plan.goals().forEach(goal -> pending.push(goal.id()));
    while (!pending.isEmpty()) {
      NodeId id = pending.pop();
      if (seen.add(id)) {
        plan.node(id).orElseThrow().dependencies().forEach(pending::push);
      }
    }
    return seen;
  }
}
