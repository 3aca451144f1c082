package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.testkit.SharedFixtures;

/** The facade's own rules: stores, settings it refuses, progress and report. */
class VoxBeamTest {
  @TempDir Path dir;

  private static Plan golden(String program) {
    return VoxBeam.plan(
        SharedFixtures.golden().resolve("programs").resolve(program).resolve("plan.json"));
  }

  @Test
  void anInMemoryRunReportsGoalsAndNoBytes() {
    try (VoxBeam voxbeam = VoxBeam.inMemory()) {
      RunReport report = voxbeam.run(golden("filter-fold"));
      assertTrue(report.succeeded());
      assertEquals("big", report.goals().get(0).goal().name());
      assertEquals("[5, 6, 7, 8, 9]", PythonText.str(report.goals().get(0).value()));
      assertTrue(report.bytesWritten().isEmpty());
      assertTrue(voxbeam.result(report.goals().get(0).goal().id()).isPresent());
      assertTrue(voxbeam.persistentStore().isEmpty());
    }
  }

  @Test
  void progressGrowsToTheTotalAndEndsDone() {
    List<Progress> seen = new CopyOnWriteArrayList<>();
    try (VoxBeam voxbeam = VoxBeam.open(dir.resolve("store"))) {
      RunReport report =
          voxbeam.run(
              golden("filter-fold"),
              RunSettings.inProcess().withThreads(2).withProgress(seen::add));
      Progress last = seen.get(seen.size() - 1);
      assertEquals("done", last.phase());
      assertEquals(report.stats().nodes(), last.total());
      assertEquals(last.total(), last.done());
      for (int i = 1; i < seen.size(); i++) {
        assertTrue(seen.get(i).done() >= seen.get(i - 1).done(), seen.toString());
      }
      assertTrue(report.bytesWritten().orElseThrow() > 0);
    }
  }

  @Test
  void aPersistentStoreOpensOnFirstUse() {
    Path store = dir.resolve("lazy");
    try (VoxBeam voxbeam = VoxBeam.open(store)) {
      assertTrue(Files.notExists(store));
      assertTrue(voxbeam.result("0".repeat(64)).isEmpty());
      assertTrue(Files.isDirectory(store));
    }
  }

  @Test
  void openingInTheBackgroundCreatesNoStoreAndRunsAsBefore() throws InterruptedException {
    Path store = dir.resolve("background");
    try (VoxBeam voxbeam = VoxBeam.open(store)) {
      voxbeam.openInBackground();
      Thread.sleep(200);
      assertTrue(Files.notExists(store), "a directory that is not a store is left alone");
      assertTrue(voxbeam.run(golden("filter-fold")).succeeded());
    }
    String cold;
    try (VoxBeam voxbeam = VoxBeam.open(store)) {
      cold = PythonText.str(voxbeam.run(golden("filter-fold")).goals().get(0).value());
    }
    try (VoxBeam voxbeam = VoxBeam.open(store)) {
      voxbeam.openInBackground();
      RunReport warm = voxbeam.run(golden("filter-fold"));
      assertEquals(0, warm.stats().computed(), "everything read from the store");
      assertEquals(cold, PythonText.str(warm.goals().get(0).value()));
    }
    VoxBeam closedFirst = VoxBeam.open(store);
    closedFirst.openInBackground();
    closedFirst.close();
  }

  @Test
  void aDirectRunnerRunWithEverythingStoredReadsItsGoalsWithoutAPipeline() {
    Plan plan = golden("filter-fold");
    try (VoxBeam voxbeam = VoxBeam.open(dir.resolve("store"))) {
      RunReport cold = voxbeam.run(plan, RunSettings.runner("DirectRunner", List.of()));
      assertTrue(stageNames(cold).contains("stage 1"), stageNames(cold).toString());
      RunReport warm = voxbeam.run(plan, RunSettings.runner("DirectRunner", List.of()));
      assertEquals(List.of("planning", "execution"), stageNames(warm));
      assertEquals("DirectRunner", warm.runner());
      assertEquals(0, warm.stats().computed());
      assertEquals(
          cold.goals().stream().map(goal -> PythonText.str(goal.value())).toList(),
          warm.goals().stream().map(goal -> PythonText.str(goal.value())).toList());
      RunReport refreshed =
          voxbeam.run(
              plan,
              RunSettings.runner("DirectRunner", List.of())
                  .withCachePolicy(CachePolicy.refresh(List.of("total"))));
      assertTrue(stageNames(refreshed).contains("stage 1"), "a forced goal runs on Beam");
    }
  }

  private static List<String> stageNames(RunReport report) {
    return report.stages().stream().map(StageTime::name).toList();
  }

  @Test
  void settingsThatDoNotFitAreRefusedBeforeAnythingRuns() {
    Plan plan = golden("floats");
    try (VoxBeam voxbeam = VoxBeam.inMemory()) {
      assertThrows(
          InvalidInputException.class,
          () -> voxbeam.run(plan, RunSettings.runner("DirectRunner", List.of())));
      assertThrows(
          InvalidInputException.class,
          () ->
              voxbeam.run(
                  plan, RunSettings.runner(RunSettings.IN_PROCESS, List.of("--maxStages=2"))));
      assertThrows(InvalidInputException.class, () -> voxbeam.result("not-an-id"));
      assertThrows(InvalidInputException.class, () -> RunSettings.inProcess().withThreads(-1));
    }
    try (VoxBeam voxbeam = VoxBeam.open(dir.resolve("store"))) {
      InvalidInputException unknown =
          assertThrows(
              InvalidInputException.class,
              () ->
                  voxbeam.run(
                      plan, RunSettings.runner("DirectRunner", List.of("--noSuchOption=1"))));
      assertTrue(unknown.getMessage().contains("noSuchOption"), unknown.getMessage());
    }
    assertThrows(InvalidInputException.class, () -> VoxBeam.open(dir, -1));
  }
}
