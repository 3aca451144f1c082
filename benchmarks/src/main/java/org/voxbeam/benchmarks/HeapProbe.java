package org.voxbeam.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap measurements through the platform MXBeans, so they work on any collector without agents.
 *
 * <p>Peak usage is the sum of each heap pool's peak since the last {@link #startPeakWindow()}.
 * Pools peak at different moments (eden just before a young collection, the old generation later),
 * so the sum is an upper bound on the heap occupied at any one time, uncollected garbage included:
 * what an operation asked of the heap, not what it kept alive. Retained heap is the used heap after
 * a full collection.
 */
public final class HeapProbe {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();

  /**
   * Collects garbage twice (what the first collection's reference processing frees goes in the
   * second) and returns the heap still in use: live objects, as nearly as the JVM tells.
   */
  public long usedAfterGc() {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Collects garbage, then restarts peak tracking, so the next peak belongs to what runs next. */
  public void startPeakWindow() {
    usedAfterGc();
    for (MemoryPoolMXBean pool : heapPools) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage since {@link #startPeakWindow()}. */
  public long peakUsedBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }
}
