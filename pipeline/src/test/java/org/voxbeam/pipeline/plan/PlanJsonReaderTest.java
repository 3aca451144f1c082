package org.voxbeam.pipeline.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxbeam.testkit.SharedFixtures;

class PlanJsonReaderTest {
  private static final String A =
      "6447fe7569d0458da048592bf3798974c8adb4ad29c886d49bf0c14b5e2f6352"; // 0.0
  private static final String B =
      "80d4cbcc106df22b52fd9a0dc4435b10cd838af0ea99a88b650748d1910e78f1"; // 1.0

  private static String constant(String id, String value) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"constant\",\"value\":"
        + value
        + ",\"output_kind\":\"scalar\"}";
  }

  private static String plan(String nodes, String goalId) {
    return "{\"nodes\":["
        + nodes
        + "],\"goals\":[{\"operation\":\"print\",\"id\":\""
        + goalId
        + "\",\"name\":\"g\"}]}";
  }

  private static PlanException reject(String text) {
    return assertThrows(PlanException.class, () -> PlanJsonReader.strict().read(text, "p.json"));
  }

  @Test
  void readsAWellFormedPlan() {
    Plan plan =
        PlanJsonReader.strict()
            .read(plan(constant(A, "0.0") + "," + constant(B, "1.0"), B), "p.json");
    assertEquals(2, plan.size());
    assertEquals("g", plan.goals().get(0).name());
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    PlanException e = reject("{\n  \"nodes\": [\n    {\"id\": }\n]}");
    assertTrue(e.getMessage().startsWith("p.json:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
  }

  @Test
  void unknownNodeTypeNamesTheNode() {
    PlanException e = reject(plan("{\"id\":\"" + A + "\",\"type\":\"lambda\"}", A));
    assertEquals(A, e.nodeId().orElseThrow().hex());
    assertTrue(e.getMessage().contains("unknown node type 'lambda'"), e.getMessage());
  }

  @Test
  void danglingArgumentNamesTheNode() {
    String op =
        "{\"id\":\""
            + B
            + "\",\"type\":\"operation\",\"operator\":\"vox1.+\",\"arguments\":{\"0\":\""
            + A
            + "\"},\"attrs\":{},\"output_kind\":\"scalar\"}";
    PlanException e = reject(plan(op, B));
    assertEquals(B, e.nodeId().orElseThrow().hex());
    assertTrue(
        e.getMessage().contains("depends on node " + A + ", which is not in the plan"),
        e.getMessage());
  }

  @Test
  void duplicateIdsAreRejected() {
    PlanException e = reject(plan(constant(A, "0.0") + "," + constant(A, "0.0"), A));
    assertTrue(e.getMessage().contains("duplicate node id"), e.getMessage());
  }

  @Test
  void cyclesAreRejectedEvenWhenIdChecksAreRelaxed() {
    String first =
        "{\"id\":\""
            + A
            + "\",\"type\":\"operation\",\"operator\":\"vox1.+\",\"arguments\":{\"0\":\""
            + B
            + "\"},\"output_kind\":\"scalar\"}";
    String second =
        "{\"id\":\""
            + B
            + "\",\"type\":\"operation\",\"operator\":\"vox1.+\",\"arguments\":{\"0\":\""
            + A
            + "\"},\"output_kind\":\"scalar\"}";
    PlanException e =
        assertThrows(
            PlanException.class,
            () ->
                new PlanJsonReader(IdMismatchPolicy.WARN, w -> {})
                    .read(plan(first + "," + second, A), "p.json"));
    assertTrue(e.getMessage().contains("is part of a cycle"), e.getMessage());
    assertTrue(e.nodeId().isPresent());
  }

  @Test
  void tamperedIdIsAnErrorByDefaultAndAWarningOnRequest() {
    String tampered = plan(constant(A, "0.5"), A);
    PlanException e = reject(tampered);
    assertEquals(A, e.nodeId().orElseThrow().hex());
    assertTrue(e.getMessage().contains("id does not match the node's content"), e.getMessage());
    List<String> warnings = new ArrayList<>();
    Plan plan = new PlanJsonReader(IdMismatchPolicy.WARN, warnings::add).read(tampered, "p.json");
    assertEquals(1, plan.size());
    assertEquals(1, warnings.size());
  }

  @Test
  void nonContiguousArgumentsAndBadGoalsAreRejected() {
    String op =
        "{\"id\":\""
            + B
            + "\",\"type\":\"operation\",\"operator\":\"vox1.+\",\"arguments\":{\"0\":\""
            + A
            + "\",\"2\":\""
            + A
            + "\"},\"output_kind\":\"scalar\"}";
    assertTrue(
        reject(plan(constant(A, "0.0") + "," + op, B)).getMessage().contains("are not 0..1"));
    assertTrue(
        reject(plan(constant(A, "0.0"), B))
            .getMessage()
            .contains("goal 'g' names a node that is not in the plan"));
    assertTrue(reject("[]").getMessage().contains("a plan must be a JSON object"));
    assertTrue(reject("{\"nodes\":[]}").getMessage().contains("'goals' array"));
  }

  @Test
  void exportedJsonReadsBackToTheSamePlanForEveryGolden() {
    List<Path> dirs = new ArrayList<>(SharedFixtures.goldenPrograms());
    dirs.addAll(SharedFixtures.goldenPlans());
    for (Path dir : dirs) {
      Plan original = PlanJsonReader.strict().read(dir.resolve("plan.json"));
      String exported = PlanJsonWriter.write(original);
      Plan reread = PlanJsonReader.strict().read(exported, "exported");
      assertEquals(original.nodes(), reread.nodes(), dir.toString());
      assertEquals(original.goals(), reread.goals(), dir.toString());
      assertEquals(exported, PlanJsonWriter.write(reread));
      String dot = PlanDotWriter.write(original);
      assertTrue(dot.startsWith("digraph plan {"));
      original.nodes().keySet().forEach(id -> assertTrue(dot.contains(id.hex())));
    }
  }

  @Test
  void exportMatchesVoxLogicA2NodeLayout() {
    Path mapClosure = SharedFixtures.golden().resolve("programs/map-closure/plan.json");
    String exported = PlanJsonWriter.write(PlanJsonReader.strict().read(mapClosure));
    assertTrue(
        exported.contains("\"type\": \"closure\",\n      \"operator\": \"closure\""), exported);
    assertFalse(exported.contains("\"arguments\": {}\n      \"value\""));
  }
}
