package org.voxbeam.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * A plan's run as one composite transform: its stages in execution order, each a {@link RunStage}
 * named for what it holds ({@code Stage 3: 12 tasks}) and fed by a {@link StageInput} ({@code Stage
 * 3 input}) that completes only once the stage before has committed everything; the output is every
 * node's and item's {@link NodeSummary}. A pipeline has a handful of transforms per stage, never
 * one per node.
 *
 * <p>The stages share nothing but the store: a stage reads what earlier stages computed by id, so
 * the only thing that flows from one stage to the next is {@link RunStage#DONE}, an always-empty
 * collection whose completeness is the barrier (see {@link RunStage}).
 */
final class RunPlan extends PTransform<PBegin, PCollection<NodeSummary>> {
  private static final long serialVersionUID = 1L;

  private final transient StagePlan plan;
  private final transient WorkerSettings workers;

  RunPlan(StagePlan plan, WorkerSettings workers) {
    super("Run plan");
    this.plan = plan;
    this.workers = workers;
  }

  @Override
  public PCollection<NodeSummary> expand(PBegin begin) {
    List<PCollection<NodeSummary>> summaries = new ArrayList<>();
    PCollection<KV<Integer, StageTask>> previousDone = null;
    Stage previous = null;
    for (Stage stage : plan.stages()) {
      PCollectionTuple outputs =
          begin
              .apply(
                  "Stage " + stage.index() + " input",
                  new StageInput(stage, previous, previousDone))
              .apply(RunStage.name(stage), new RunStage(stage, workers));
      summaries.add(outputs.get(RunStage.SUMMARIES));
      previousDone = outputs.get(RunStage.DONE);
      previous = stage;
    }
    if (summaries.isEmpty()) {
      return begin.apply("No stages", Create.empty(NodeSummaryCoder.of()));
    }
    return PCollectionList.of(summaries).apply("All summaries", Flatten.pCollections());
  }
}
