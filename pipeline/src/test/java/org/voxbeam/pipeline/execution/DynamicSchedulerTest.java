package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;

class DynamicSchedulerTest {
  private static final NodeEvaluator EVALUATOR = new NodeEvaluator(StandardLibrary.registry());

  private static RunResult run(
      Plan plan, InMemoryResultStore store, int threads, ExecutionListener listener) {
    return new DynamicScheduler(EVALUATOR, store, new SchedulerOptions(threads, 64))
        .run(plan, listener);
  }

  private static Map<String, Value> values(RunResult result) {
    Map<String, Value> values = new java.util.TreeMap<>();
    result.goals().forEach(goal -> values.put(goal.goal().name(), goal.value()));
    return values;
  }

  @Test
  void resultsDoNotDependOnThreadCount() {
    for (long seed = 1; seed <= 5; seed++) {
      Plan plan = SyntheticPlans.additions(3_000, 40, seed).generate();
      Map<String, Value> single =
          values(run(plan, new InMemoryResultStore(), 1, ExecutionListener.NONE));
      Map<String, Value> parallel =
          values(run(plan, new InMemoryResultStore(), 4, ExecutionListener.NONE));
      assertEquals(single, parallel);
      assertEquals(40, single.size());
    }
  }

  @Test
  void aSecondRunReadsEverythingFromTheStore() {
    Plan plan = SyntheticPlans.additions(2_000, 25, 7).generate();
    InMemoryResultStore store = new InMemoryResultStore();
    RunResult first = run(plan, store, 2, ExecutionListener.NONE);
    assertEquals(0, first.stats().cached());
    Map<NodeOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    RunResult second =
        run(
            plan,
            store,
            2,
            new ExecutionListener() {
              @Override
              public void onNodeFinished(Node node, NodeOutcome outcome, Duration elapsed) {
                outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
              }
            });
    assertEquals(values(first), values(second));
    assertEquals(25, second.stats().cached());
    assertEquals(0, second.stats().computed());
    assertEquals(
        Map.of(NodeOutcome.CACHED, 25),
        Map.of(NodeOutcome.CACHED, outcomes.get(NodeOutcome.CACHED).get()));
    assertEquals(1, outcomes.size());
  }

  @Test
  void aPartlyFilledStoreComputesOnlyWhatIsMissing() {
    VoxNode one = VoxNode.constant(JsonValue.of(1.0));
    VoxNode two = VoxNode.constant(JsonValue.of(2.0));
    VoxNode sum = VoxNode.primitive("vox1.+", List.of(one.id(), two.id()), "scalar");
    VoxNode doubled = VoxNode.primitive("vox1.*", List.of(sum.id(), two.id()), "scalar");
    InMemoryResultStore store = new InMemoryResultStore();
    run(
        Plan.of(List.of(one, two, sum), List.of(new Goal(Goal.Operation.PRINT, sum.id(), "sum"))),
        store,
        2,
        ExecutionListener.NONE);
    RunResult result =
        run(
            Plan.of(
                List.of(one, two, sum, doubled),
                List.of(new Goal(Goal.Operation.PRINT, doubled.id(), "d"))),
            store,
            2,
            ExecutionListener.NONE);
    assertEquals(new NumberValue(6.0), result.goals().get(0).value());
    assertEquals(1, result.stats().cached());
    assertEquals(2, result.stats().computed(), "the product and the constant it reads");
  }

  @Test
  void failuresPropagateWithTheirCauseAndSpareIndependentGoals() {
    VoxNode one = VoxNode.constant(JsonValue.of(1.0));
    VoxNode zero = VoxNode.constant(JsonValue.of(0.0));
    VoxNode quotient = VoxNode.primitive("vox1./", List.of(one.id(), zero.id()), "scalar");
    VoxNode dependent = VoxNode.primitive("vox1.+", List.of(quotient.id(), one.id()), "scalar");
    VoxNode independent = VoxNode.primitive("vox1.+", List.of(one.id(), one.id()), "scalar");
    Plan plan =
        Plan.of(
            List.of(one, zero, quotient, dependent, independent),
            List.of(
                new Goal(Goal.Operation.PRINT, dependent.id(), "bad"),
                new Goal(Goal.Operation.PRINT, independent.id(), "ok")));
    InMemoryResultStore store = new InMemoryResultStore();
    RunResult result = run(plan, store, 3, ExecutionListener.NONE);
    ErrorValue error = assertInstanceOf(ErrorValue.class, result.goals().get(0).value());
    assertEquals(quotient.id(), error.rootCause().node());
    assertEquals("float division by zero", error.rootCause().message());
    assertTrue(error.describe().contains("float division by zero"), error.describe());
    assertEquals(new NumberValue(2.0), result.goals().get(1).value());
    assertEquals(2, result.stats().failed());
    assertTrue(store.get(quotient.id()).orElseThrow().value().isError(), "the failure is recorded");
    assertTrue(!store.contains(quotient.id()), "a recorded failure is not a reusable result");
  }

  @Test
  void anUnknownOperatorFailsOnlyItsNode() {
    VoxNode one = VoxNode.constant(JsonValue.of(1.0));
    VoxNode odd = VoxNode.primitive("vox1.plus", List.of(one.id(), one.id()), "scalar");
    VoxNode sum = VoxNode.primitive("vox1.+", List.of(one.id(), one.id()), "scalar");
    Plan plan =
        Plan.of(
            List.of(one, odd, sum),
            List.of(
                new Goal(Goal.Operation.PRINT, odd.id(), "x"),
                new Goal(Goal.Operation.PRINT, sum.id(), "y")));
    InMemoryResultStore store = new InMemoryResultStore();
    RunResult result = run(plan, store, 1, ExecutionListener.NONE);
    ErrorValue error = assertInstanceOf(ErrorValue.class, result.goals().get(0).value());
    assertEquals(odd.id(), error.node());
    assertTrue(error.message().contains("unknown operator 'vox1.plus'"), error.message());
    assertEquals(new NumberValue(2.0), result.goals().get(1).value());
    RunResult again = run(plan, store, 1, ExecutionListener.NONE);
    assertInstanceOf(ErrorValue.class, again.goals().get(0).value());
  }

  @Test
  void aLongChainRunsWithoutDeepRecursion() {
    Plan plan = SyntheticPlans.additions(200_000, 1, 3).generate();
    RunResult result = run(plan, new InMemoryResultStore(), 2, ExecutionListener.NONE);
    assertTrue(result.succeeded());
    assertEquals(200_000, result.stats().nodes());
    NodeId goal = result.goals().get(0).goal().id();
    assertTrue(plan.node(goal).isPresent());
  }
}
