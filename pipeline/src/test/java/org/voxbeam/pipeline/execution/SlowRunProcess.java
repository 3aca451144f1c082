package org.voxbeam.pipeline.execution;

import java.nio.file.Path;
import java.time.Duration;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * A long run in a JVM of its own: {@code <store> <nodes> <millis per node> <commit interval millis>
 * [<first node>]}. Prints {@code running} once the run has started and, if it is not killed first,
 * {@code done <slow nodes evaluated> <nodes reused>}.
 */
public final class SlowRunProcess {
  private SlowRunProcess() {}

  public static void main(String[] args) {
    Path store = Path.of(args[0]);
    int nodes = Integer.parseInt(args[1]);
    int first = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    SlowNodes slow = new SlowNodes(Long.parseLong(args[2]));
    SchedulerOptions options =
        new SchedulerOptions(1, 1024)
            .withCommitInterval(Duration.ofMillis(Long.parseLong(args[3])));
    try (ParquetResultStore opened = ParquetResultStore.open(store, StoreOptions.defaults())) {
      System.out.println("running");
      System.out.flush();
      RunResult result =
          new DynamicScheduler(slow.evaluator(), opened, options)
              .run(SlowNodes.plan(first, nodes), ExecutionListener.NONE);
      System.out.println("done " + slow.evaluations().size() + " " + result.stats().cached());
    }
  }
}
