package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;

/** Progress that counts the items of dataset loops, and runs cancelled mid-way. */
class ItemProgressAndCancellationTest {
  private static final int ITEMS = 2000;

  @TempDir Path dir;

  /** A map over {@value #ITEMS} items whose body takes a little time each. */
  private static Plan bigMap() {
    return VoxBeam.program(
        "slow(x) = fold + x range(0, 3000)\nprint \"total\" fold + 0 map(slow, range(0, "
            + ITEMS
            + "))",
        "items.imgql");
  }

  @Test
  void itemProgressGrowsMonotonicallyToTheTotalAndTheBarWaitsForTheLoop() {
    List<Progress> seen = new CopyOnWriteArrayList<>();
    try (VoxBeam voxbeam = VoxBeam.inMemory()) {
      RunReport report =
          voxbeam.run(bigMap(), RunSettings.inProcess().withThreads(2).withProgress(seen::add));
      assertTrue(report.succeeded());
      assertEquals(ITEMS, report.stats().items().computed());
    }
    long previous = -1;
    boolean estimated = false;
    for (Progress progress : seen) {
      long done = progress.items().done();
      assertTrue(done >= previous, "item progress went back: " + previous + " then " + done);
      assertTrue(done <= progress.items().total());
      if (done > 0 && done < ITEMS) {
        assertTrue(
            progress.workDone() < progress.workTotal(),
            "the bar is full while the loop runs: " + progress);
        estimated |= progress.eta().isPresent();
      }
      previous = done;
    }
    Progress last = seen.get(seen.size() - 1);
    assertEquals("done", last.phase());
    assertEquals(ITEMS, last.items().total());
    assertEquals(ITEMS, last.items().done());
    assertEquals(last.workTotal(), last.workDone());
    assertTrue(estimated, "no time estimate while the items ran");
    assertTrue(
        seen.stream().filter(p -> p.items().done() > 0).count() >= ITEMS, "every item is reported");
  }

  @Test
  void aCancelledRunStopsAtOnceKeepsTheStoreValidAndItsItemsAreReused() throws Exception {
    Plan plan = bigMap();
    RunCancellation cancellation = new RunCancellation();
    CompletableFuture<Long> doneAtCancel = new CompletableFuture<>();
    AtomicLong latestDone = new AtomicLong();
    AtomicBoolean asked = new AtomicBoolean();
    ProgressListener cancelMidway =
        progress -> {
          latestDone.set(progress.items().done());
          if (progress.items().done() >= ITEMS / 10 && asked.compareAndSet(false, true)) {
            new Thread(
                    () -> {
                      cancellation.cancel();
                      doneAtCancel.complete(latestDone.get());
                    },
                    "canceller")
                .start();
          }
        };
    try (VoxBeam voxbeam = VoxBeam.open(dir.resolve("store"))) {
      RunReport cancelled =
          voxbeam.run(
              plan,
              RunSettings.inProcess().withThreads(2).withProgress(cancelMidway),
              cancellation);
      // No item starts once the run is cancelled: at most the one under way when cancel()
      // returned (and one whose progress was not yet published) finish after it.
      long after = cancelled.stats().items().computed() - doneAtCancel.get(5, TimeUnit.SECONDS);
      assertTrue(after <= 2, after + " items finished after the cancel");
      assertTrue(cancelled.result().cancelled());
      assertFalse(cancelled.succeeded());
      assertTrue(RunCancellation.notReached(cancelled.goals().get(0).value()));
      long done = cancelled.stats().items().computed();
      assertTrue(done >= ITEMS / 10 && done < ITEMS, done + " items computed");

      RunRecord record = voxbeam.runs().get(voxbeam.runs().size() - 1);
      assertEquals(cancelled.runId(), record.runId());
      assertEquals("cancelled", record.state());
      assertEquals(GoalRecord.CANCELLED, record.goals().get(0).status());
      assertTrue(voxbeam.persistentStore().orElseThrow().verify(false).ok());

      RunReport again = voxbeam.run(plan, RunSettings.inProcess().withThreads(2));
      assertTrue(again.succeeded());
      assertFalse(again.result().cancelled());
      assertEquals(
          String.valueOf(expectedTotal()),
          PythonText.str(again.goals().get(0).value()).replace(".0", ""));
      assertTrue(
          again.stats().items().cached() >= done,
          "the items the cancelled run computed are reused: " + again.stats().items());
      assertEquals(ITEMS, again.stats().items().total());
      assertEquals("succeeded", voxbeam.runs().get(voxbeam.runs().size() - 1).state());
    }
  }

  /** The sum over x of (x + 0 + 1 + … + 2999). */
  private static long expectedTotal() {
    long perItemConstant = 2999L * 3000 / 2;
    return (long) ITEMS * (ITEMS - 1) / 2 + ITEMS * perItemConstant;
  }
}
