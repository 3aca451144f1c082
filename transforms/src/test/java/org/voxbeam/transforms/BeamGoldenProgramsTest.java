package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.pipeline.testing.GoldenExpectations;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Every golden program's plan, run as a Beam pipeline on the DirectRunner over a persistent store,
 * gives the values VoxLogicA-2 computed (or the failures VoxBeam documents instead). Two stages at
 * most, so results cross a stage boundary through the store.
 */
class BeamGoldenProgramsTest {
  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> goldenPlansRunToExpectedValuesOnBeam() {
    List<Path> programs = SharedFixtures.goldenPrograms();
    assertFalse(programs.isEmpty());
    return programs.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /** The same programs reduced from their ImgQL source by VoxBeam's front end. */
  @TestFactory
  Stream<DynamicTest> goldenProgramsRunFromSourceOnBeam() {
    return SharedFixtures.goldenPrograms().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> checkSource(dir)));
  }

  private void check(Path dir) {
    Plan plan = PlanJsonReader.strict().read(dir.resolve("plan.json"));
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve(dir.getFileName().toString()), 2, 2);
    GoldenExpectations.assertMatches(dir, BeamTestRuns.run(options, plan, lowered -> {}).result());
  }

  private void checkSource(Path dir) throws IOException {
    Plan plan = Reducer.standard().reduceFile(dir.resolve("program.imgql"));
    VoxBeamOptions options =
        BeamTestRuns.options(temp.resolve("source-" + dir.getFileName()), 3, 2);
    GoldenExpectations.assertMatches(dir, BeamTestRuns.run(options, plan, lowered -> {}).result());
  }
}
