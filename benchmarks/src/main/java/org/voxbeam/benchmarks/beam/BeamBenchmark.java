package org.voxbeam.benchmarks.beam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.voxbeam.pipeline.execution.RunStats;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.transforms.BeamPlanRunner;
import org.voxbeam.transforms.BeamRun;
import org.voxbeam.transforms.VoxBeamOptions;

/**
 * Times a cold run of a {@link Workload} (a synthetic plan or an ImgQL program) as a Beam pipeline
 * on the DirectRunner against the in-process {@link DynamicScheduler}, both on a fresh Parquet
 * store (the only kind a Beam run can use, since stages exchange results through it), with the same
 * number of threads, and counts the segment files each run leaves in its store.
 *
 * <p>The variants of a round take turns going first, and every ratio is taken within a round. Every
 * run's goal values must equal the in-process run's, and every run must compute what the in-process
 * run computes (every node, for a synthetic plan), so a fast but wrong run cannot produce a good
 * number. Opening a store is not timed; everything a user waits for after that is: planning against
 * the store, building the pipeline, running it, reading the goals back.
 */
final class BeamBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(BeamBenchmark.class);

  private final int threads;
  private final List<Variant> variants;
  private final Scratch scratch;
  private final NodeEvaluator evaluator;
  private final HeapProbe heap = new HeapProbe();

  BeamBenchmark(int threads, List<Variant> variants, NodeEvaluator evaluator, Scratch scratch) {
    this.threads = threads;
    this.variants = List.copyOf(variants);
    this.evaluator = evaluator;
    this.scratch = scratch;
  }

  BeamMeasurement measure(Workload workload, int repeats) {
    LOG.info("{}: warm-up round", workload.label());
    round(workload, 0);
    List<Map<Variant, Sample>> rounds = new ArrayList<>(repeats);
    for (int r = 0; r < repeats; r++) {
      Map<Variant, Sample> round = round(workload, r);
      LOG.info("{}: round {}/{}: {}", workload.label(), r + 1, repeats, describe(round));
      rounds.add(round);
    }
    return new BeamMeasurement(workload.label(), workload.units(), rounds);
  }

  private Map<Variant, Sample> round(Workload workload, int rotation) {
    Map<Variant, Sample> samples = new LinkedHashMap<>();
    Map<Variant, RunResult> results = new LinkedHashMap<>();
    for (int k = 0; k < variants.size(); k++) {
      Variant variant = variants.get((k + rotation) % variants.size());
      Path directory = scratch.newDirectory("beam-store");
      if (variant.isBeam()) {
        onBeam(workload.plan(), variant, directory, samples, results);
      } else {
        inProcess(workload.plan(), directory, samples, results);
      }
      Scratch.delete(directory);
    }
    RunResult expected = results.get(Variant.IN_PROCESS);
    checkCold(Variant.IN_PROCESS, expected.stats());
    if (workload.everyNode() && expected.stats().computed() != workload.plan().size()) {
      throw new IllegalStateException("the in-process run did not compute every node");
    }
    results.forEach((variant, result) -> checkSame(variant, result, expected));
    Map<Variant, Sample> ordered = new LinkedHashMap<>();
    variants.forEach(variant -> ordered.put(variant, samples.get(variant)));
    return ordered;
  }

  private void inProcess(
      Plan plan, Path directory, Map<Variant, Sample> samples, Map<Variant, RunResult> results) {
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      DynamicScheduler scheduler =
          new DynamicScheduler(evaluator, store, SchedulerOptions.defaults().withThreads(threads));
      heap.startPeakWindow();
      long began = System.nanoTime();
      RunResult result = scheduler.run(plan, ExecutionListener.NONE);
      long nanos = System.nanoTime() - began;
      samples.put(
          Variant.IN_PROCESS,
          new Sample(nanos, 0, heap.peakUsedBytes(), 0, 0, segments(store.layout())));
      results.put(Variant.IN_PROCESS, result);
    }
  }

  private void onBeam(
      Plan plan,
      Variant variant,
      Path directory,
      Map<Variant, Sample> samples,
      Map<Variant, RunResult> results) {
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
      long nanos = System.nanoTime() - began;
      samples.put(
          variant,
          new Sample(
              nanos,
              run.lowering().toNanos(),
              heap.peakUsedBytes(),
              run.stages().stages().size(),
              run.stages().taskCount(),
              segments(new StoreLayout(directory))));
      results.put(variant, run.result());
    }
  }

  /** A cold run reads nothing from the store and fails nothing, nodes and items alike. */
  private static void checkCold(Variant variant, RunStats stats) {
    if (stats.failed() != 0
        || stats.cached() != 0
        || stats.items().failed() != 0
        || stats.items().cached() != 0) {
      throw new IllegalStateException(variant.label() + " did unexpected work: " + stats);
    }
  }

  /** {@code result} has the in-process goal values and did the same work. */
  private static void checkSame(Variant variant, RunResult result, RunResult expected) {
    checkCold(variant, result.stats());
    if (result.stats().computed() != expected.stats().computed()
        || result.stats().items().computed() != expected.stats().items().computed()) {
      throw new IllegalStateException(
          variant.label() + " did other work than in process: " + result.stats());
    }
    if (!values(result).equals(values(expected))) {
      throw new IllegalStateException(
          variant.label() + " disagrees with the in-process run on the goals' values");
    }
  }

  private static List<Value> values(RunResult result) {
    return result.goals().stream().map(GoalResult::value).toList();
  }

  /** Segment files a run left in its store: one per commit, until a compaction. */
  private static int segments(StoreLayout layout) {
    try (Stream<Path> files = Files.list(layout.segments())) {
      return Math.toIntExact(files.filter(SegmentFiles::isSegment).count());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Map<Variant, Sample> round) {
    StringBuilder text = new StringBuilder();
    round.forEach(
        (variant, sample) ->
            text.append(
                String.format(
                    "%s %d ms (lowering %d ms) / %d MB / %d segments; ",
                    variant.label(),
                    TimeUnit.NANOSECONDS.toMillis(sample.nanos()),
                    TimeUnit.NANOSECONDS.toMillis(sample.loweringNanos()),
                    sample.peakHeapBytes() >> 20,
                    sample.segments())));
    return text.toString();
  }
}
