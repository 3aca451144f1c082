package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.Kwarg;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.execution.ModelBoundNode;

/**
 * Tasks survive their binary encoding node for node: ids as claimed, attributes, kwargs, model
 * sources.
 */
class StageTaskCoderTest {
  private static final VoxNode ONE = VoxNode.constant(JsonValue.of(1.0));
  private static final VoxNode TEXT = VoxNode.constant(JsonValue.of("é \u2603 \"quoted\""));
  private static final VoxNode SUM =
      VoxNode.primitive("vox1.+", List.of(ONE.id(), ONE.id()), "scalar");
  private static final NodeId CLAIMED = new NodeId("ab".repeat(32));

  @Test
  void everyPartOfEveryNodeRoundTrips() throws IOException {
    VoxNode named =
        new VoxNode(
            CLAIMED,
            NodeKind.PRIMITIVE,
            "default.format",
            List.of(TEXT.id()),
            List.of(new Kwarg("width", SUM.id()), new Kwarg("fill", ONE.id())),
            new JsonObject(Map.of("note", JsonValue.of(2))),
            "string");
    Node bound = new ModelBoundNode(SUM, List.of(CLAIMED, ONE.id()));
    StageTask task =
        new StageTask(
            3, 7, List.of(SUM, named, bound), List.of(ONE, TEXT), List.of(CLAIMED, SUM.id()));

    StageTask decoded =
        CoderUtils.decodeFromByteArray(
            StageTaskCoder.of(), CoderUtils.encodeToByteArray(StageTaskCoder.of(), task));

    assertEquals(task, decoded);
    assertInstanceOf(ModelBoundNode.class, decoded.compute().get(2));
    assertEquals(CLAIMED, decoded.compute().get(1).id(), "the claimed id is kept, not recomputed");
    assertEquals(JsonObject.EMPTY, decoded.compute().get(0).attrs());
  }

  @Test
  void repeatedIdsAndOperatorsAreWrittenOnce() throws IOException {
    List<Node> sums = List.of(SUM, SUM, SUM, SUM);
    int one = encoded(new StageTask(0, 0, List.of(SUM), List.of(), List.of())).length;
    int four = encoded(new StageTask(0, 0, sums, List.of(), List.of())).length;
    assertTrue(
        (four - one) / 3 <= 10,
        "a repeated node costs a byte per field, not 3 ids of 32 bytes: " + (four - one) / 3);
  }

  @Test
  void aTruncatedTaskIsACoderError() throws IOException {
    byte[] whole = encoded(new StageTask(0, 0, List.of(SUM), List.of(ONE), List.of()));
    byte[] cut = Arrays.copyOf(whole, whole.length - 20);
    assertThrows(
        CoderException.class, () -> StageTaskCoder.of().decode(new ByteArrayInputStream(cut)));
  }

  private static byte[] encoded(StageTask task) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StageTaskCoder.of().encode(task, out);
    return out.toByteArray();
  }
}
