package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.pipeline.testing.GoldenExpectations;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Every golden program's plan, exported by VoxLogicA-2, runs to the values VoxLogicA-2 computed:
 * numbers compared exactly, integers kept apart from floats, sequences item by item.
 */
class GoldenProgramsTest {
  @TestFactory
  Stream<DynamicTest> goldenPlansRunToExpectedValues() {
    List<Path> programs = SharedFixtures.goldenPrograms();
    assertFalse(programs.isEmpty());
    return programs.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /** The same programs reduced from their ImgQL source by VoxBeam's front end. */
  @TestFactory
  Stream<DynamicTest> goldenProgramsRunFromSource() {
    return SharedFixtures.goldenPrograms().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () ->
                        GoldenExpectations.assertMatches(
                            dir,
                            run(Reducer.standard().reduceFile(dir.resolve("program.imgql")), 4))));
  }

  @Test
  void bratsPlanImports() {
    for (Path dir : SharedFixtures.goldenPlans()) {
      Plan plan = PlanJsonReader.strict().read(dir.resolve("plan.json"));
      assertFalse(plan.goals().isEmpty());
    }
  }

  private static void check(Path dir) {
    GoldenExpectations.assertMatches(
        dir, run(PlanJsonReader.strict().read(dir.resolve("plan.json")), 4));
  }

  static RunResult run(Plan plan, int threads) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return new DynamicScheduler(
              new NodeEvaluator(StandardLibrary.registry()),
              store,
              SchedulerOptions.defaults().withThreads(threads))
          .run(plan, ExecutionListener.NONE);
    }
  }
}
