package org.voxbeam.transforms;

import java.nio.file.Path;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.inputs.InputChangeScenario;
import org.voxbeam.pipeline.plan.Plan;

/**
 * The input-change scenario as Beam pipelines on the DirectRunner, each run a real pipeline over a
 * Parquet store, items as fan-out stage elements; the fresh store it is compared with is an
 * in-process run (which the other Beam tests show gives the same values).
 */
class BeamInputChangeScenarioTest extends InputChangeScenario {
  @Override
  protected RunResult run(Plan plan, Path store) {
    return BeamTestRuns.run(BeamTestRuns.options(store, 8, 4), plan, lowered -> {}).result();
  }

  @Override
  protected RunResult fresh(Plan plan) {
    return BeamTestRuns.inProcess(plan);
  }
}
