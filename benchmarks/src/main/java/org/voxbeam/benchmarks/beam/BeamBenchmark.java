package org.voxbeam.benchmarks.beam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.benchmarks.HeapProbe;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.transforms.BeamPlanRunner;
import org.voxbeam.transforms.BeamRun;
import org.voxbeam.transforms.VoxBeamOptions;

/**
 * Times a cold run of a synthetic plan as a Beam pipeline on the DirectRunner against the
 * in-process {@link DynamicScheduler}, both on a fresh Parquet store (the only kind a Beam run can
 * use, since stages exchange results through it), with the same number of threads.
 *
 * <p>The variants of a round take turns going first, and every ratio is taken within a round. Every
 * run's goal values must equal the in-process run's and every run must compute every node, so a
 * fast but wrong run cannot produce a good number. Opening a store is not timed; everything a user
 * waits for after that is: planning against the store, building the pipeline, running it, reading
 * the goals back.
 */
final class BeamBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(BeamBenchmark.class);
  private static final long SEED = 20_240_601L;

  private final int width;
  private final int threads;
  private final List<Variant> variants;
  private final Scratch scratch;
  private final NodeEvaluator evaluator;
  private final HeapProbe heap = new HeapProbe();

  BeamBenchmark(
      int width, int threads, List<Variant> variants, NodeEvaluator evaluator, Scratch scratch) {
    this.width = width;
    this.threads = threads;
    this.variants = List.copyOf(variants);
    this.evaluator = evaluator;
    this.scratch = scratch;
  }

  BeamMeasurement measure(int nodes, int repeats) {
    Plan plan = SyntheticPlans.additions(nodes, width, SEED).generate();
    LOG.info("{} nodes: warm-up round", plan.size());
    round(plan, 0);
    List<Map<Variant, Sample>> rounds = new ArrayList<>(repeats);
    for (int r = 0; r < repeats; r++) {
      Map<Variant, Sample> round = round(plan, r);
      LOG.info("{} nodes: round {}/{}: {}", plan.size(), r + 1, repeats, describe(round));
      rounds.add(round);
    }
    return new BeamMeasurement(plan.size(), rounds);
  }

  private Map<Variant, Sample> round(Plan plan, int rotation) {
    Map<Variant, Sample> samples = new LinkedHashMap<>();
    Map<Variant, List<Value>> goals = new LinkedHashMap<>();
    for (int k = 0; k < variants.size(); k++) {
      Variant variant = variants.get((k + rotation) % variants.size());
      Path directory = scratch.newDirectory("beam-store");
      if (variant.isBeam()) {
        onBeam(plan, variant, directory, samples, goals);
      } else {
        inProcess(plan, directory, samples, goals);
      }
      Scratch.delete(directory);
    }
    List<Value> expected = goals.get(Variant.IN_PROCESS);
    goals.forEach(
        (variant, values) -> {
          if (!values.equals(expected)) {
            throw new IllegalStateException(
                variant.label() + " disagrees with the in-process run on the goals' values");
          }
        });
    Map<Variant, Sample> ordered = new LinkedHashMap<>();
    variants.forEach(variant -> ordered.put(variant, samples.get(variant)));
    return ordered;
  }

  private void inProcess(
      Plan plan, Path directory, Map<Variant, Sample> samples, Map<Variant, List<Value>> goals) {
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      DynamicScheduler scheduler =
          new DynamicScheduler(evaluator, store, SchedulerOptions.defaults().withThreads(threads));
      heap.startPeakWindow();
      long began = System.nanoTime();
      RunResult result = scheduler.run(plan, ExecutionListener.NONE);
      samples.put(
          Variant.IN_PROCESS, new Sample(System.nanoTime() - began, 0, heap.peakUsedBytes(), 0, 0));
      goals.put(Variant.IN_PROCESS, checked(Variant.IN_PROCESS, plan, result));
    }
  }

  private void onBeam(
      Plan plan,
      Variant variant,
      Path directory,
      Map<Variant, Sample> samples,
      Map<Variant, List<Value>> goals) {
    VoxBeamOptions options =
        PipelineOptionsFactory.fromArgs(variant.beamArgs().toArray(String[]::new))
            .as(VoxBeamOptions.class);
    options.setRunner(DirectRunner.class);
    options.setStore(directory.toString());
    options.setThreads(threads);
    options.setMaxStages(variant.maxStages());
    try (BeamPlanRunner runner = BeamPlanRunner.open(options)) {
      heap.startPeakWindow();
      long began = System.nanoTime();
      BeamRun run = runner.run(plan);
      samples.put(
          variant,
          new Sample(
              System.nanoTime() - began,
              run.lowering().toNanos(),
              heap.peakUsedBytes(),
              run.stages().stages().size(),
              run.stages().taskCount()));
      goals.put(variant, checked(variant, plan, run.result()));
    }
  }

  /** The goal values of a cold run that computed every node and failed none. */
  private static List<Value> checked(Variant variant, Plan plan, RunResult result) {
    if (result.stats().failed() != 0
        || result.stats().cached() != 0
        || result.stats().computed() != plan.size()) {
      throw new IllegalStateException(variant.label() + " did unexpected work: " + result.stats());
    }
    return result.goals().stream().map(GoalResult::value).toList();
  }

  private static String describe(Map<Variant, Sample> round) {
    StringBuilder text = new StringBuilder();
    round.forEach(
        (variant, sample) ->
            text.append(
                String.format(
                    "%s %d ms (lowering %d ms) / %d MB; ",
                    variant.label(),
                    TimeUnit.NANOSECONDS.toMillis(sample.nanos()),
                    TimeUnit.NANOSECONDS.toMillis(sample.loweringNanos()),
                    sample.peakHeapBytes() >> 20)));
    return text.toString();
  }
}
