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

/**
 * A stage's tasks keyed by their index ({@code Tasks}), flattened with the previous stage's {@link
 * RunStage#DONE} output ({@code Wait for stage N}) so that the collection is complete only once
 * that stage is: the input a {@link RunStage} expects. The tasks are encoded once, here, with
 * {@link StageTaskCoder}.
 */
final class StageInput extends PTransform<PBegin, PCollection<KV<Integer, StageTask>>> {
  private static final long serialVersionUID = 1L;

  private final transient Stage stage;
  private final transient Stage after;
  private final transient PCollection<KV<Integer, StageTask>> afterDone;

  /**
   * @param stage the stage whose tasks these are
   * @param after the stage to wait for, or null for the first stage
   * @param afterDone that stage's {@link RunStage#DONE} output, or null for the first stage
   */
  StageInput(Stage stage, Stage after, PCollection<KV<Integer, StageTask>> afterDone) {
    this.stage = stage;
    this.after = after;
    this.afterDone = afterDone;
  }

  @Override
  public PCollection<KV<Integer, StageTask>> expand(PBegin begin) {
    PCollection<KV<Integer, StageTask>> tasks =
        begin.apply("Tasks", Create.of(keyed(stage.tasks())).withCoder(RunStage.KEYED_TASKS));
    if (afterDone == null) {
      return tasks;
    }
    return PCollectionList.of(tasks)
        .and(afterDone)
        .apply("Wait for stage " + after.index(), Flatten.pCollections());
  }

  static List<KV<Integer, StageTask>> keyed(List<StageTask> tasks) {
    List<KV<Integer, StageTask>> keyed = new ArrayList<>(tasks.size());
    for (StageTask task : tasks) {
      keyed.add(KV.of(task.index(), task));
    }
    return keyed;
  }
}
