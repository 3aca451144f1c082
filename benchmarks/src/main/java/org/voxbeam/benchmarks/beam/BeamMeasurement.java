package org.voxbeam.benchmarks.beam;

import java.util.List;
import java.util.Map;
import org.voxbeam.benchmarks.Distribution;

/**
 * What the Beam benchmark measured for one workload, over all rounds.
 *
 * @param workload how the report names the workload
 * @param units nodes of a synthetic plan, items of a program: the divisor of per-unit figures
 * @param rounds each round's samples, by variant; every round holds every variant
 */
record BeamMeasurement(String workload, int units, List<Map<Variant, Sample>> rounds) {
  Distribution seconds(Variant variant) {
    return Distribution.of(rounds.stream().mapToLong(round -> round.get(variant).nanos()).toArray())
        .scaled(1e-9);
  }

  Distribution microsPerUnit(Variant variant) {
    return Distribution.of(rounds.stream().mapToLong(round -> round.get(variant).nanos()).toArray())
        .scaled(1e-3 / units);
  }

  Distribution segments(Variant variant) {
    return Distribution.of(
        rounds.stream().mapToLong(round -> round.get(variant).segments()).toArray());
  }

  /** {@code variant}'s time over the same round's in-process time. */
  Distribution overInProcess(Variant variant) {
    return Distribution.of(
        rounds.stream()
            .mapToDouble(
                round ->
                    (double) round.get(variant).nanos() / round.get(Variant.IN_PROCESS).nanos())
            .toArray());
  }

  Distribution loweringMillis(Variant variant) {
    return Distribution.of(
            rounds.stream().mapToLong(round -> round.get(variant).loweringNanos()).toArray())
        .scaled(1e-6);
  }

  Distribution peakHeapMegabytes(Variant variant) {
    return Distribution.of(
            rounds.stream().mapToLong(round -> round.get(variant).peakHeapBytes()).toArray())
        .scaled(1.0 / (1 << 20));
  }

  /** Stages and tasks of a Beam variant (the same plan gives the same cut in every round). */
  String shape(Variant variant) {
    Sample first = rounds.get(0).get(variant);
    return variant.isBeam() ? first.stages() + " / " + first.tasks() : "—";
  }
}
