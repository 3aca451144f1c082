package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.NumberValue;

/**
 * Many small runs, each committing a segment of its own, leave a bounded number of segments: a run
 * that ends with {@value VoxBeam#COMPACT_AT_SEGMENTS} small segments in the store merges them.
 */
class SmallSegmentsTest {
  private static final int RUNS = 45;

  @TempDir Path dir;

  @Test
  void manySmallRunsLeaveABoundedNumberOfSegments() throws Exception {
    List<NodeId> goals = new ArrayList<>();
    int most = 0;
    try (VoxBeam voxbeam = VoxBeam.open(dir)) {
      for (int i = 0; i < RUNS; i++) {
        RunReport report =
            voxbeam.run(VoxBeam.program("print \"x\" " + i + " + 0.5", "run" + i + ".imgql"));
        goals.add(report.goals().get(0).goal().id());
        most = Math.max(most, segments());
      }
      assertTrue(most <= VoxBeam.COMPACT_AT_SEGMENTS, "at most " + most + " segments at any time");
      for (int i = 0; i < RUNS; i++) {
        assertEquals(
            i + 0.5, ((NumberValue) voxbeam.result(goals.get(i)).orElseThrow().value()).value());
      }
    }
    try (VoxBeam reopened = VoxBeam.open(dir)) {
      for (int i = 0; i < RUNS; i++) {
        assertEquals(
            i + 0.5,
            ((NumberValue) reopened.result(goals.get(i)).orElseThrow().value()).value(),
            "a fresh process reads every result after the merges");
      }
    }
  }

  private int segments() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
      return (int) files.count();
    }
  }
}
