package org.voxbeam.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.execution.ModelBoundNode;
import org.voxbeam.pipeline.execution.NodeOutcome;

/**
 * Every coder of the Beam path, checked with Beam's own {@link CoderProperties}: values survive
 * encoding, in every context, and equal values encode to equal bytes (each coder claims to be
 * deterministic, which a grouping by key relies on); the coders themselves serialize.
 */
class BeamCodersTest {
  private static final VoxNode ONE = VoxNode.constant(JsonValue.of(1.0));
  private static final VoxNode TEXT = VoxNode.constant(JsonValue.of("é \u2603"));
  private static final VoxNode SUM =
      VoxNode.primitive("vox1.+", List.of(ONE.id(), ONE.id()), "scalar");
  private static final VoxNode TWICE =
      VoxNode.primitive("vox1.*", List.of(SUM.id(), SUM.id()), "scalar");
  private static final NodeId STORED = new NodeId("cd".repeat(32));

  private static final List<StageTask> TASKS =
      List.of(
          new StageTask(0, 0, List.of(), List.of(), List.of()),
          new StageTask(2, 5, List.of(SUM, TWICE), List.of(ONE), List.of(STORED), false),
          new StageTask(
              7,
              1,
              List.of(new ModelBoundNode(SUM, List.of(STORED))),
              List.of(ONE, TEXT),
              List.of(),
              true));

  private static final List<NodeSummary> SUMMARIES =
      List.of(
          new NodeSummary(SUM.id().hex(), NodeOutcome.COMPUTED, 8, 1_234, 0),
          new NodeSummary(STORED.hex(), NodeOutcome.CACHED, 0, 0, 3),
          new NodeSummary(
              TWICE.id().hex(),
              NodeOutcome.FAILED,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Integer.MAX_VALUE));

  @Test
  void stageTasks() throws Exception {
    checkAll(StageTaskCoder.of(), TASKS);
  }

  @Test
  void itemBatches() throws Exception {
    checkAll(
        ItemBatchCoder.of(),
        List.of(
            new ItemBatch(TASKS.get(0), 0, 1),
            new ItemBatch(TASKS.get(1), 1_024, 2_048),
            new ItemBatch(TASKS.get(2), Integer.MAX_VALUE - 1, Integer.MAX_VALUE)));
  }

  @Test
  void nodeSummaries() throws Exception {
    checkAll(NodeSummaryCoder.of(), SUMMARIES);
  }

  @Test
  void keyedTasksAsTheBarrierGroupsThem() throws Exception {
    checkAll(RunStage.KEYED_TASKS, StageInput.keyed(TASKS));
    checkAll(
        RunStage.KEYED_ITEMS,
        TASKS.stream()
            .map(task -> KV.of(task.index() % 2, new ItemBatch(task, 1, 2 + task.index())))
            .toList());
  }

  private static <T> void checkAll(Coder<T> coder, List<T> values) throws Exception {
    CoderProperties.coderSerializable(coder);
    coder.verifyDeterministic();
    for (T value : values) {
      CoderProperties.coderDecodeEncodeEqual(coder, value);
      CoderProperties.coderDecodeEncodeInContext(
          coder, Coder.Context.OUTER, value, org.hamcrest.Matchers.equalTo(value));
      CoderProperties.coderDecodeEncodeInContext(
          coder, Coder.Context.NESTED, value, org.hamcrest.Matchers.equalTo(value));
      CoderProperties.coderDeterministic(coder, value, CoderUtils.clone(coder, value));
      CoderProperties.structuralValueDecodeEncodeEqual(coder, value);
      CoderProperties.coderConsistentWithEquals(coder, value, value);
    }
    for (int i = 1; i < values.size(); i++) {
      CoderProperties.coderConsistentWithEquals(coder, values.get(i - 1), values.get(i));
    }
  }
}
