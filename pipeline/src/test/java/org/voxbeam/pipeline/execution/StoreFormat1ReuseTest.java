package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * A store written by VoxBeam 0.1 (format version 1, which recorded no inputs), upgraded and run
 * against by the program that wrote it: results that depend on no file are reused; results computed
 * from a file cannot be trusted and are computed again, once, with their inputs recorded this time.
 */
class StoreFormat1ReuseTest {
  private static final Path FIXTURE =
      Path.of("../storage-parquet/src/test/resources/org/voxbeam/storage/v1-store");
  private static final Path PROGRAM =
      Path.of("src/test/resources/org/voxbeam/pipeline/upgrade/program.imgql");

  @TempDir Path dir;

  @Test
  void resultsOfFilesAreComputedAgainAndTheRestReused() throws IOException {
    Path store = copy(FIXTURE, dir.resolve("store"));
    Plan plan = Reducer.standard().reduceFile(PROGRAM);
    Outcomes first = run(plan, store);
    assertEquals(
        Map.of(
            "total", NodeOutcome.CACHED,
            "lines", NodeOutcome.COMPUTED,
            "count", NodeOutcome.COMPUTED,
            "bright", NodeOutcome.COMPUTED,
            "broken", NodeOutcome.FAILED),
        first.goals());
    assertEquals("10.0", first.values().get("total"));
    assertEquals("['3', '1', '4', '1', '5']", first.values().get("lines"));
    assertEquals("5.0", first.values().get("count"));
    assertEquals("18.0", first.values().get("bright"));

    Outcomes second = run(plan, store);
    assertEquals(NodeOutcome.CACHED, second.goals().get("lines"), "recorded now, and unchanged");
    assertEquals(NodeOutcome.CACHED, second.goals().get("bright"));
    assertEquals(first.values(), second.values());
  }

  private record Outcomes(Map<String, NodeOutcome> goals, Map<String, String> values) {}

  private static Outcomes run(Plan plan, Path store) {
    Map<NodeId, NodeOutcome> outcomes = new ConcurrentHashMap<>();
    ExecutionListener listener =
        new ExecutionListener() {
          @Override
          public void onNodeFinished(Node node, NodeOutcome outcome, Duration elapsed) {
            outcomes.put(node.id(), outcome);
          }
        };
    RunResult result;
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      result =
          new DynamicScheduler(
                  new NodeEvaluator(StandardLibrary.registry()),
                  opened,
                  SchedulerOptions.defaults())
              .run(plan, listener);
    }
    Map<String, NodeOutcome> goals = new TreeMap<>();
    Map<String, String> values = new TreeMap<>();
    for (GoalResult goal : result.goals()) {
      Goal named = goal.goal();
      goals.put(named.name(), outcomes.get(named.id()));
      values.put(named.name(), PythonText.str(goal.value()));
    }
    return new Outcomes(goals, values);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
