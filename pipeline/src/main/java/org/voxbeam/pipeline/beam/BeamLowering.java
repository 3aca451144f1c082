package org.voxbeam.pipeline.beam;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Turns a {@link StagePlan} into Beam transforms: per stage, the tasks as a {@code Create}, held
 * back by {@link Wait#on} until the previous stage's summaries are complete (so every result a
 * stage reads is committed), then executed by {@link ExecuteTaskFn}. The summaries of all stages
 * are flattened into one collection. A pipeline has a handful of transforms per stage, never
 * one per node.
 */
public final class BeamLowering {
  private final StoreSpec store;
  private final int commitBatchSize;
  private final int levelThreads;

  /**
   * @param store the store every worker opens
   * @param commitBatchSize results per store commit
   * @param levelThreads threads a task may spread a wide level of independent nodes over
   */
  public BeamLowering(StoreSpec store, int commitBatchSize, int levelThreads) {
    if (commitBatchSize < 1 || levelThreads < 1) {
      throw new IllegalArgumentException("commit batch size and threads must be at least 1");
    }
    this.store = store;
    this.commitBatchSize = commitBatchSize;
    this.levelThreads = levelThreads;
  }

  /** Adds the stages of {@code plan} to {@code pipeline}; returns every node's summary. */
  public PCollection<NodeSummary> apply(Pipeline pipeline, StagePlan plan) {
    List<PCollection<NodeSummary>> all = new ArrayList<>();
    PCollection<NodeSummary> previous = null;
    for (Stage stage : plan.stages()) {
      String name = "Stage " + stage.index();
      PCollection<StageTask> tasks =
          pipeline.apply(name + " tasks", Create.of(stage.tasks()).withCoder(SerializableCoder.of(StageTask.class)));
      if (previous != null) {
        tasks = tasks.apply(name + " waits", Wait.on(previous));
      }
      PCollection<NodeSummary> summaries =
          tasks.apply(name + " runs", ParDo.of(new ExecuteTaskFn(store, commitBatchSize, levelThreads))).setCoder(NodeSummaryCoder.of());
      all.add(summaries);
      previous = summaries;
    }
    if (all.isEmpty()) {
      return pipeline.apply("No stages", Create.empty(NodeSummaryCoder.of()));
    }
    return PCollectionList.of(all).apply("All summaries", Flatten.pCollections());
  }
}
