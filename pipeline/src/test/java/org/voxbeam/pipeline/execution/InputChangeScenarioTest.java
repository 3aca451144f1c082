package org.voxbeam.pipeline.execution;

import java.nio.file.Path;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.inputs.InputChangeScenario;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/** The input-change scenario on the in-process scheduler, over a Parquet store. */
class InputChangeScenarioTest extends InputChangeScenario {
  @Override
  protected RunResult run(Plan plan, Path store) {
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      return scheduler(opened).run(plan, ExecutionListener.NONE);
    }
  }

  @Override
  protected RunResult fresh(Plan plan) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return scheduler(store).run(plan, ExecutionListener.NONE);
    }
  }

  private static DynamicScheduler scheduler(org.voxbeam.kernel.store.ResultStore store) {
    return new DynamicScheduler(
        new NodeEvaluator(StandardLibrary.registry()),
        store,
        SchedulerOptions.defaults().withThreads(2));
  }
}
