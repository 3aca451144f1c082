package org.voxbeam.benchmarks.scheduler;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.benchmarks.Distribution;

/**
 * What the scheduler benchmark measured for one plan size, over all rounds.
 *
 * @param nodes nodes in the plan, the divisor of every per-node figure
 * @param goals goals of the plan: all that a warm run reads from the store
 * @param generationNanos time to generate and validate the plan (measured once, not compared)
 * @param planHeapBytes heap the plan itself keeps alive, included in every peak
 * @param rounds each round's samples, by phase
 */
record SchedulerMeasurement(
    int nodes,
    int goals,
    long generationNanos,
    long planHeapBytes,
    List<Map<Phase, Sample>> rounds) {

  /** Microseconds per plan node of {@code phase}. */
  Distribution microsPerNode(Phase phase) {
    return Distribution.of(rounds.stream().mapToLong(round -> round.get(phase).nanos()).toArray())
        .scaled(1e-3 / nodes);
  }

  /** {@code phase}'s time over the same round's baseline time. */
  Distribution overBaseline(Phase phase) {
    return Distribution.of(
        rounds.stream()
            .mapToDouble(
                round -> (double) round.get(phase).nanos() / round.get(Phase.BASELINE).nanos())
            .toArray());
  }

  /** Peak heap of {@code phase}, in MiB. */
  Distribution peakHeapMegabytes(Phase phase) {
    return Distribution.of(
            rounds.stream().mapToLong(round -> round.get(phase).peakHeapBytes()).toArray())
        .scaled(1.0 / (1 << 20));
  }

  /** The phases every round measured, in declaration order. */
  List<Phase> phases() {
    return List.copyOf(new EnumMap<>(rounds.get(0)).keySet());
  }
}
