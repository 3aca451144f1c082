package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.store.ResultStatus;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.FanOutOperator;
import org.voxbeam.pipeline.execution.NodeOutcome;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * {@code map}, {@code for_loop} and {@code filter} on Beam: the items of the sequence are the
 * elements of a fan-out stage, each item's result is stored under its own child id, and the node's
 * value is assembled from the children with the in-process semantics.
 */
class BeamFanOutTest {
  private static final String SQUARES_AND_FILTER =
      "k = 2 + 3\n"
          + "values = range(0, 12)\n"
          + "scaled = for i in values do i * i + k\n"
          + "big = filter x in values do x > 4\n"
          + "print \"scaled\" scaled\n"
          + "print \"big\" big\n";

  private static final String ONE_FAILING_ITEM =
      "values = range(0, 6)\n"
          + "inverse = for i in values do 60 / (i - 3)\n"
          + "print \"inverse\" inverse\n"
          + "print \"count\" 6\n";

  @TempDir Path temp;

  @Test
  void itemsAreStageElementsStoredUnderChildIdsAndGiveTheInProcessValues() {
    Plan plan = Reducer.standard().reduceText(SQUARES_AND_FILTER, "fan-out.imgql");
    Node scaled = node(plan, "default.for_loop");
    Node big = node(plan, "default.filter");
    Set<String> expectedChildren = new TreeSet<>();
    for (int i = 0; i < 12; i++) {
      expectedChildren.add(NodeHashing.sequenceItemId(scaled.id(), i).hex());
      expectedChildren.add(FanOutOperator.FILTER.childIds(big.id()).at(i).hex());
    }
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    BeamRun beam =
        BeamTestRuns.run(
            options,
            plan,
            lowered -> {
              List<Stage> fanOut =
                  lowered.stages().stages().stream().filter(Stage::fanOut).toList();
              assertEquals(1, fanOut.size(), "both nodes fan out in one stage");
              assertEquals(2, fanOut.get(0).tasks().size());
              int fanOutStage = fanOut.get(0).index();
              PAssert.that(lowered.summaries())
                  .satisfies(
                      summaries -> {
                        Set<String> items = new TreeSet<>();
                        summaries.forEach(
                            summary -> {
                              if (expectedChildren.contains(summary.id())) {
                                assertEquals(
                                    NodeOutcome.COMPUTED, summary.outcome(), summary::toString);
                                assertEquals(fanOutStage, summary.stage());
                                items.add(summary.id());
                              }
                            });
                        assertEquals(expectedChildren, items);
                        return null;
                      });
            });
    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan)),
        BeamTestRuns.goalTexts(beam.result()));
    assertEquals(new BeamRunMetrics(24, 0, 0), beam.itemMetrics());
    try (StoreLease lease = SharedStores.acquire(new StoreSpec(options.getStore(), 0))) {
      for (int i = 0; i < 12; i++) {
        StoredResult child =
            lease.store().get(NodeHashing.sequenceItemId(scaled.id(), i)).orElseThrow();
        assertEquals(new NumberValue(i * i + 5.0), child.value(), "item " + i);
      }
    }
  }

  @Test
  void aSecondRunReadsTheAssembledNodesAndComputesNothing() {
    Plan plan = Reducer.standard().reduceText(SQUARES_AND_FILTER, "fan-out.imgql");
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    BeamRun first = BeamTestRuns.run(options, plan, lowered -> {});
    BeamRun second =
        BeamTestRuns.run(
            options,
            plan,
            lowered ->
                PAssert.that(lowered.summaries())
                    .satisfies(
                        summaries -> {
                          summaries.forEach(
                              summary ->
                                  assertEquals(
                                      NodeOutcome.CACHED, summary.outcome(), summary::toString));
                          return null;
                        }));
    assertEquals(BeamTestRuns.goalTexts(first.result()), BeamTestRuns.goalTexts(second.result()));
    assertEquals(0, second.metrics().computed());
    assertEquals(0, second.metrics().failed());
    assertEquals(new BeamRunMetrics(0, 0, 0), second.itemMetrics());
  }

  @Test
  void aFailingItemFailsOnlyItsChildAndTheNodeReportsItAsInProcess() {
    Plan plan = Reducer.standard().reduceText(ONE_FAILING_ITEM, "failing-item.imgql");
    Node inverse = node(plan, "default.for_loop");
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    BeamRun beam = BeamTestRuns.run(options, plan, lowered -> {});
    RunResult inProcess = BeamTestRuns.inProcess(plan);
    assertEquals(BeamTestRuns.goalTexts(inProcess), BeamTestRuns.goalTexts(beam.result()));
    ErrorValue error = assertInstanceOf(ErrorValue.class, goal(beam.result(), "inverse"));
    assertTrue(error.message().startsWith("for_loop failed on item 3: "), error.message());
    assertFalse(goal(beam.result(), "count").isError(), "the other goal completes");
    assertEquals(new BeamRunMetrics(5, 0, 1), beam.itemMetrics());

    Map<Integer, ResultStatus> children = new TreeMap<>();
    try (StoreLease lease = SharedStores.acquire(new StoreSpec(options.getStore(), 0))) {
      for (int i = 0; i < 6; i++) {
        children.put(
            i,
            status(lease.store().get(NodeHashing.sequenceItemId(inverse.id(), i)).orElseThrow()));
      }
    }
    assertEquals(
        Map.of(
            0,
            ResultStatus.SUCCEEDED,
            1,
            ResultStatus.SUCCEEDED,
            2,
            ResultStatus.SUCCEEDED,
            3,
            ResultStatus.FAILED,
            4,
            ResultStatus.SUCCEEDED,
            5,
            ResultStatus.SUCCEEDED),
        children);

    BeamRun again = BeamTestRuns.run(options, plan, lowered -> {});
    assertEquals(BeamTestRuns.goalTexts(inProcess), BeamTestRuns.goalTexts(again.result()));
    assertEquals(
        new BeamRunMetrics(0, 5, 1), again.itemMetrics(), "only the failed item is computed again");
  }

  private static ResultStatus status(StoredResult result) {
    return result.value() instanceof ErrorValue ? ResultStatus.FAILED : ResultStatus.SUCCEEDED;
  }

  private static Value goal(RunResult result, String name) {
    return result.goals().stream()
        .filter(goal -> goal.goal().name().equals(name))
        .findFirst()
        .orElseThrow()
        .value();
  }

  private static Node node(Plan plan, String operator) {
    List<Node> found = new ArrayList<>();
    for (Node node : plan.nodes().values()) {
      if (node.operator().equals(operator)) {
        found.add(node);
      }
    }
    assertEquals(1, found.size(), operator);
    return found.get(0);
  }
}
