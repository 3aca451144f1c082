package org.voxbeam.benchmarks.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voxbeam.benchmarks.Distribution;

/**
 * One engine's rounds of one workload. A round that does not finish ends the engine's rounds: a run
 * that timed out once would time out again and only take the machine from the others.
 */
final class Samples {
  private final boolean runnable;
  private final List<Round> rounds = new ArrayList<>();

  /** Which run of a round. */
  enum Side {
    COLD,
    WARM;

    RunOutcome of(Round round) {
      return this == COLD ? round.cold() : round.warm();
    }
  }

  /**
   * A cold run and the warm run after it; {@code warm} repeats the cold outcome when cold failed.
   */
  record Round(RunOutcome cold, RunOutcome warm) {
    boolean finished() {
      return cold instanceof RunOutcome.Finished && warm instanceof RunOutcome.Finished;
    }
  }

  Samples(boolean runnable) {
    this.runnable = runnable;
  }

  void add(Round round) {
    rounds.add(round);
  }

  boolean ended() {
    return !runnable || rounds.stream().anyMatch(round -> !round.finished());
  }

  /** The median (min–max) of the finished runs, else how the first unfinished one ended. */
  String cell(Side side, int timeoutSeconds) {
    if (!runnable) {
      return "n/a";
    }
    double[] finished = finished(side);
    if (finished.length > 0) {
      return Distribution.of(finished).format(0);
    }
    return unfinished(side).map(outcome -> outcome.describe(timeoutSeconds)).orElse("—");
  }

  /**
   * The median over rounds of this engine's {@code mine} run divided by {@code base}'s {@code
   * theirs} run of the same round; when this engine only timed out, the lower bound the timeout
   * gives against {@code base}'s median.
   */
  String ratio(Side mine, Samples base, Side theirs, int timeoutSeconds) {
    if (!runnable || !base.runnable) {
      return "n/a";
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(rounds.size(), base.rounds.size()); i++) {
      if (mine.of(rounds.get(i)) instanceof RunOutcome.Finished numerator
          && theirs.of(base.rounds.get(i)) instanceof RunOutcome.Finished denominator) {
        ratios.add(numerator.millis() / denominator.millis());
      }
    }
    if (!ratios.isEmpty()) {
      return Distribution.of(ratios.stream().mapToDouble(Double::doubleValue).toArray())
          .formatSmall(1);
    }
    double[] baseMillis = base.finished(theirs);
    if (unfinished(mine).orElse(null) instanceof RunOutcome.TimedOut && baseMillis.length > 0) {
      return String.format(
          Locale.ROOT, "> %.1f", timeoutSeconds * 1000.0 / Distribution.of(baseMillis).median());
    }
    return "—";
  }

  private double[] finished(Side side) {
    return rounds.stream()
        .map(side::of)
        .filter(RunOutcome.Finished.class::isInstance)
        .mapToDouble(outcome -> ((RunOutcome.Finished) outcome).millis())
        .toArray();
  }

  private Optional<RunOutcome> unfinished(Side side) {
    return rounds.stream()
        .map(side::of)
        .filter(outcome -> !(outcome instanceof RunOutcome.Finished))
        .findFirst();
  }
}
