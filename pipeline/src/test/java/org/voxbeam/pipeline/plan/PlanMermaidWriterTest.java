package org.voxbeam.pipeline.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.testkit.SharedFixtures;

class PlanMermaidWriterTest {

  @Test
  void everyNodeEdgeAndGoalOfEveryGoldenPlanIsDrawn() {
    for (Path dir : SharedFixtures.goldenPrograms()) {
      Plan plan = PlanJsonReader.strict().read(dir.resolve("plan.json"));
      String chart = PlanMermaidWriter.write(plan);
      assertTrue(chart.startsWith("flowchart TD\n"));
      int edges = 0;
      for (Node node : plan.topologicalOrder()) {
        assertTrue(chart.contains("  n" + node.id().hex() + "[\""), node.id().hex());
        for (NodeId input : node.dependencies()) {
          assertTrue(chart.contains("  n" + input.hex() + " --> n" + node.id().hex() + "\n"));
          edges++;
        }
      }
      for (Goal goal : plan.goals()) {
        assertTrue(
            chart.contains("\"" + goal.operation().wireName() + " " + goal.name() + "\""),
            goal.name());
      }
      long arrows = Arrays.stream(chart.split("\n")).filter(line -> line.contains(" --> ")).count();
      assertEquals(edges + plan.goals().size(), arrows, dir.toString());
      assertTrue(!chart.contains("\"\"\""), "unescaped quote in " + dir);
    }
  }
}
