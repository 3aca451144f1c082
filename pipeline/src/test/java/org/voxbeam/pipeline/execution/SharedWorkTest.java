package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.testkit.JvmProcesses;

/**
 * Two runs of overlapping plans at once, each with a store instance of its own on one directory (as
 * two processes have): the nodes they share are computed once, by whichever run claims each first;
 * the other waits for the result.
 */
class SharedWorkTest {
  @TempDir Path dir;

  @Test
  void overlappingConcurrentRunsComputeEachSharedNodeOnce() throws Exception {
    SlowNodes slow = new SlowNodes(30);
    Plan first = SlowNodes.plan(0, 30);
    Plan second = SlowNodes.plan(10, 30);
    SchedulerOptions options =
        new SchedulerOptions(2, 1024).withCommitInterval(Duration.ofMillis(100));
    try (ParquetResultStore a = ParquetResultStore.open(dir, StoreOptions.defaults());
        ParquetResultStore b = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      CompletableFuture<RunResult> runA =
          CompletableFuture.supplyAsync(
              () ->
                  new DynamicScheduler(slow.evaluator(), a, options)
                      .run(first, ExecutionListener.NONE));
      CompletableFuture<RunResult> runB =
          CompletableFuture.supplyAsync(
              () ->
                  new DynamicScheduler(slow.evaluator(), b, options)
                      .run(second, ExecutionListener.NONE));
      RunResult resultA = runA.get();
      RunResult resultB = runB.get();
      Map<Double, AtomicInteger> evaluations = slow.evaluations();
      assertEquals(40, evaluations.size(), "every node of either plan was computed");
      evaluations.forEach(
          (k, count) -> assertEquals(1, count.get(), "slow(" + k + ") computed once"));
      long sharedReused = (long) resultA.stats().cached() + resultB.stats().cached();
      assertEquals(
          20, sharedReused, "the 20 shared nodes were computed by one run, reused by the other");
      for (int k = 0; k < 30; k++) {
        assertEquals(k + 0.5, ((NumberValue) resultA.goals().get(k).value()).value());
        assertEquals(k + 10.5, ((NumberValue) resultB.goals().get(k).value()).value());
      }
    }
  }

  @Test
  void overlappingRunsInTwoProcessesComputeEachSharedNodeOnce() throws Exception {
    List<Process> runs = new ArrayList<>();
    // Both start at node 0, so they contend for the same nodes at the same time throughout.
    for (int nodes : new int[] {30, 40}) {
      runs.add(
          JvmProcesses.start(
              SlowRunProcess.class,
              List.of("-Xmx192m"),
              List.of(dir.toString(), Integer.toString(nodes), "60", "100", "0")));
    }
    int evaluated = 0;
    long reused = 0;
    for (Process run : runs) {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("running", out.readLine());
      String done = out.readLine();
      assertTrue(run.waitFor(120, TimeUnit.SECONDS));
      assertTrue(done != null && done.startsWith("done "), "the run finished: " + done);
      String[] counts = done.split(" ");
      evaluated += Integer.parseInt(counts[1]);
      reused += Long.parseLong(counts[2]);
    }
    assertEquals(
        40, evaluated, "the 40 distinct nodes were evaluated once each, across both processes");
    assertEquals(30, reused, "the 30 shared ones were reused by the run that did not compute them");
  }
}
