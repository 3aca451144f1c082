package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.plan.Plan;

/** A Beam run cancelled while its pipeline runs ends cancelled, with a valid store. */
class BeamCancellationTest {
  @TempDir Path dir;

  @Test
  void aCancelledPipelineEndsTheRunCancelledAndTheNextRunCompletes() {
    Plan plan =
        VoxBeam.program(
            "slow(x) = fold + x range(0, 3000)\nprint \"total\" fold + 0 map(slow, range(0, 500))",
            "beam.imgql");
    RunCancellation cancellation = new RunCancellation();
    cancellation.cancel();
    try (VoxBeam voxbeam = VoxBeam.open(dir.resolve("store"))) {
      RunReport cancelled =
          voxbeam.run(plan, RunSettings.runner("DirectRunner", List.of()), cancellation);
      assertTrue(cancelled.result().cancelled());
      assertTrue(RunCancellation.notReached(cancelled.goals().get(0).value()));
      assertEquals("cancelled", voxbeam.runs().get(voxbeam.runs().size() - 1).state());
      assertTrue(voxbeam.persistentStore().orElseThrow().verify(false).ok());

      RunReport again = voxbeam.run(plan, RunSettings.runner("DirectRunner", List.of()));
      assertTrue(again.succeeded());
    }
  }
}
