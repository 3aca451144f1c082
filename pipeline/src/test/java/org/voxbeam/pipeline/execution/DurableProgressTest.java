package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.testkit.JvmProcesses;

/**
 * A run killed with SIGKILL keeps what it committed before the kill: results commit by time as well
 * as by count, so a run of slow nodes, far from a full batch of 1,024, still commits every
 * interval; the next run reuses them and computes only the rest. The node the killed run was
 * computing was claimed by it: the next run gets that claim at once (the operating system released
 * it with the process) rather than waiting for it forever.
 */
class DurableProgressTest {
  private static final int NODES = 400;
  private static final long NODE_MILLIS = 20;
  private static final long INTERVAL_MILLIS = 300;

  /**
   * The run is killed once this many segments are in the store: two timed commits, about 0.6 s of
   * its 8 s. Waiting for them rather than for a fixed time keeps the test about commits on a loaded
   * machine, where the child JVM can take seconds to start.
   */
  private static final int KILL_AFTER_SEGMENTS = 2;

  @TempDir Path dir;

  @Test
  void aKilledRunKeepsWhatItCommittedAndTheNextRunReusesIt() throws Exception {
    Process run =
        JvmProcesses.start(
            SlowRunProcess.class,
            List.of("-Xmx256m"),
            List.of(
                dir.toString(),
                Integer.toString(NODES),
                Long.toString(NODE_MILLIS),
                Long.toString(INTERVAL_MILLIS)));
    BufferedReader out =
        new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("running", out.readLine());
    awaitSegments(KILL_AFTER_SEGMENTS);
    run.destroyForcibly();
    assertTrue(run.waitFor(30, TimeUnit.SECONDS));

    Plan plan = SlowNodes.plan(0, NODES);
    int kept = 0;
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      for (Goal goal : plan.goals()) {
        if (store.contains(goal.id())) {
          kept++;
        }
      }
      assertTrue(kept >= 10, "two timed commits into the run, results were committed: " + kept);
      assertTrue(kept < NODES, "the run was killed before it finished: " + kept);

      SlowNodes counting = new SlowNodes(0);
      RunResult again =
          new DynamicScheduler(counting.evaluator(), store, new SchedulerOptions(2, 1024))
              .run(plan, ExecutionListener.NONE);
      assertEquals(NODES - kept, counting.evaluations().size(), "only what was lost is computed");
      assertTrue(again.stats().cached() >= kept, "what was kept is reused: " + again.stats());
      for (int k = 0; k < NODES; k++) {
        assertEquals(
            k + 0.5, ((org.voxbeam.kernel.value.NumberValue) again.goals().get(k).value()).value());
      }
    }
  }

  private void awaitSegments(int count) throws IOException, InterruptedException {
    Path segments = dir.resolve("segments");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (committedSegments(segments) < count) {
      assertTrue(
          System.nanoTime() < deadline, "fewer than " + count + " segments committed in 60 s");
      Thread.sleep(20);
    }
  }

  private static long committedSegments(Path segments) throws IOException {
    if (!Files.isDirectory(segments)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(segments)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
