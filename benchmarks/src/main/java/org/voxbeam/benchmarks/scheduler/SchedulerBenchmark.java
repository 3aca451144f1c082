package org.voxbeam.benchmarks.scheduler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.benchmarks.HeapProbe;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * Measures {@link DynamicScheduler} against the cost of evaluation alone, on layered synthetic
 * plans.
 *
 * <p>A round times, on the same plan: the baseline, a single-threaded loop that evaluates every
 * node in topological order into a {@link HashMap} (no scheduler, no store, no release); a
 * scheduler run on an empty {@link InMemoryResultStore} (cold) and a second run on it (warm); and
 * the same on a {@link ParquetResultStore} in a fresh directory, where the warm run uses a newly
 * opened store, as a later program would. Opening and closing stores is not timed. The three parts
 * take turns going first, so a slow phase of the shared machine does not always hit the same one.
 * Every run's goals are checked against the baseline's, so a fast but wrong run cannot produce a
 * good number. One untimed round per size warms up the JIT.
 */
final class SchedulerBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerBenchmark.class);
  private static final long SEED = 20_240_601L;

  private final int width;
  private final int fanIn;
  private final String operator;
  private final NodeEvaluator evaluator;
  private final SchedulerOptions options;
  private final boolean parquet;
  private final Scratch scratch;
  private final HeapProbe heap = new HeapProbe();

  /**
   * @param operator the operator every non-constant node applies; {@code evaluator} must know it
   * @param parquet whether to measure the Parquet store as well as the in-memory one
   */
  SchedulerBenchmark(
      int width,
      int fanIn,
      String operator,
      NodeEvaluator evaluator,
      SchedulerOptions options,
      boolean parquet,
      Scratch scratch) {
    this.width = width;
    this.fanIn = fanIn;
    this.operator = operator;
    this.evaluator = evaluator;
    this.options = options;
    this.parquet = parquet;
    this.scratch = scratch;
  }

  SchedulerMeasurement measure(int nodes, int repeats) {
    long heapBefore = heap.usedAfterGc();
    long began = System.nanoTime();
    Plan plan = new SyntheticPlans(nodes, width, fanIn, operator, SEED).generate();
    long generationNanos = System.nanoTime() - began;
    long planHeapBytes = heap.usedAfterGc() - heapBefore;
    LOG.info(
        "{} nodes: generated in {} ms, plan holds {} MB",
        plan.size(),
        TimeUnit.NANOSECONDS.toMillis(generationNanos),
        planHeapBytes >> 20);
    List<Node> order = plan.topologicalOrder();
    LOG.info("{} nodes: warm-up round", plan.size());
    round(plan, order, 0);
    List<Map<Phase, Sample>> rounds = new ArrayList<>(repeats);
    for (int r = 0; r < repeats; r++) {
      Map<Phase, Sample> round = round(plan, order, r);
      LOG.info("{} nodes: round {}/{}: {}", plan.size(), r + 1, repeats, describe(round));
      rounds.add(round);
    }
    return new SchedulerMeasurement(
        plan.size(), plan.goals().size(), generationNanos, planHeapBytes, rounds);
  }

  private Map<Phase, Sample> round(Plan plan, List<Node> order, int rotation) {
    Map<Phase, Sample> samples = new EnumMap<>(Phase.class);
    Map<Phase, List<Value>> goals = new EnumMap<>(Phase.class);
    int parts = parquet ? 3 : 2;
    for (int k = 0; k < parts; k++) {
      switch ((k + rotation) % parts) {
        case 0 -> baseline(plan, order, samples, goals);
        case 1 -> inMemory(plan, samples, goals);
        default -> onParquet(plan, samples, goals);
      }
    }
    List<Value> expected = goals.get(Phase.BASELINE);
    goals.forEach(
        (phase, values) -> {
          if (!values.equals(expected)) {
            throw new IllegalStateException(
                phase + " run disagrees with the baseline on the goals' values");
          }
        });
    return samples;
  }

  /** The baseline: every node, inputs first, on this thread. */
  private void baseline(
      Plan plan, List<Node> order, Map<Phase, Sample> samples, Map<Phase, List<Value>> goals) {
    heap.startPeakWindow();
    long began = System.nanoTime();
    Map<NodeId, Value> values = new HashMap<>(order.size() * 2);
    for (Node node : order) {
      values.put(node.id(), evaluator.evaluate(node, values::get));
    }
    samples.put(Phase.BASELINE, new Sample(System.nanoTime() - began, heap.peakUsedBytes()));
    List<Value> goalValues = new ArrayList<>(plan.goals().size());
    for (Goal goal : plan.goals()) {
      goalValues.add(values.get(goal.id()));
    }
    goals.put(Phase.BASELINE, goalValues);
  }

  private void inMemory(Plan plan, Map<Phase, Sample> samples, Map<Phase, List<Value>> goals) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      timedRun(plan, store, Phase.MEMORY_COLD, samples, goals);
      timedRun(plan, store, Phase.MEMORY_WARM, samples, goals);
    }
  }

  private void onParquet(Plan plan, Map<Phase, Sample> samples, Map<Phase, List<Value>> goals) {
    Path directory = scratch.newDirectory("scheduler-store");
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      timedRun(plan, store, Phase.PARQUET_COLD, samples, goals);
    }
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      timedRun(plan, store, Phase.PARQUET_WARM, samples, goals);
    }
    Scratch.delete(directory);
  }

  private void timedRun(
      Plan plan,
      ResultStore store,
      Phase phase,
      Map<Phase, Sample> samples,
      Map<Phase, List<Value>> goals) {
    DynamicScheduler scheduler = new DynamicScheduler(evaluator, store, options);
    heap.startPeakWindow();
    long began = System.nanoTime();
    RunResult result = scheduler.run(plan, ExecutionListener.NONE);
    samples.put(phase, new Sample(System.nanoTime() - began, heap.peakUsedBytes()));
    boolean cold = phase == Phase.MEMORY_COLD || phase == Phase.PARQUET_COLD;
    boolean asExpected =
        result.stats().failed() == 0
            && (cold ? result.stats().cached() == 0 : result.stats().computed() == 0);
    if (!asExpected) {
      throw new IllegalStateException(phase + " run did unexpected work: " + result.stats());
    }
    goals.put(phase, result.goals().stream().map(GoalResult::value).toList());
  }

  private static String describe(Map<Phase, Sample> round) {
    StringBuilder text = new StringBuilder();
    round.forEach(
        (phase, sample) ->
            text.append(
                String.format(
                    "%s %d ms / %d MB; ",
                    phase,
                    TimeUnit.NANOSECONDS.toMillis(sample.nanos()),
                    sample.peakHeapBytes() >> 20)));
    return text.toString();
  }
}
