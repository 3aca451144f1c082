package org.voxbeam.transforms;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Thread pools, one per size per JVM, on which a task spreads a wide level of independent nodes.
 * Shared by every {@code DoFn} instance, so a worker JVM never starts more pools than it has
 * distinct thread settings; the threads are daemons and live as long as the JVM.
 */
final class LevelWorkers {
  private static final Map<Integer, ForkJoinPool> POOLS = new HashMap<>();

  private LevelWorkers() {}

  static synchronized ForkJoinPool pool(int threads) {
    return POOLS.computeIfAbsent(
        threads,
        size ->
            new ForkJoinPool(
                size,
                pool -> {
                  ForkJoinWorkerThread thread =
                      ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                  thread.setDaemon(true);
                  thread.setName("voxbeam-task-" + thread.getPoolIndex());
                  return thread;
                },
                null,
                false));
  }
}
