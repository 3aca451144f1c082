package org.voxbeam.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a run has come, as counts of nodes and of the items of {@code map}, {@code for_loop} and
 * {@code filter} nodes (the cases of a dataset program, which may be most of the work). Sent to a
 * {@link ProgressListener} while the run executes and once more, with the final counts, when it is
 * done.
 *
 * @param total nodes the run will finish (computed, read from the store or failed); 0 until planned
 * @param computed nodes computed so far
 * @param cached nodes read from the store so far
 * @param failed nodes that failed so far
 * @param phase what the run is doing, for display: {@code execution}, {@code stage 2/5}, {@code
 *     done}, {@code cancelled}
 * @param items the items of the fan-out nodes that have started
 * @param eta the time still needed, from the throughput so far (items while items are under way,
 *     else nodes); empty until something has finished
 */
public record Progress(
    int total,
    int computed,
    int cached,
    int failed,
    String phase,
    Items items,
    Optional<Duration> eta) {

  public Progress {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(eta, "eta");
  }

  /** Progress of nodes only: no items, no estimate. */
  public Progress(int total, int computed, int cached, int failed, String phase) {
    this(total, computed, cached, failed, phase, Items.NONE, Optional.empty());
  }

  /** Nodes finished, whatever their outcome. */
  public int done() {
    return computed + cached + failed;
  }

  /**
   * Nodes and items to finish, for a bar that must not read 100% while a dataset loop still runs:
   * each fan-out node counts once and each of its items once more.
   */
  public long workTotal() {
    return total + items.total();
  }

  /** Nodes and items finished, out of {@link #workTotal}. */
  public long workDone() {
    return done() + items.done();
  }

  /**
   * Items of the fan-out nodes started so far. Their number is known only once a node starts (the
   * length of a sequence is not in the plan), so {@code total} can grow during a run.
   *
   * @param total items of the fan-out nodes started so far
   * @param computed items computed
   * @param cached items read from the store
   * @param failed items that failed
   */
  public record Items(long total, long computed, long cached, long failed) {
    public static final Items NONE = new Items(0, 0, 0, 0);

    public long done() {
      return computed + cached + failed;
    }
  }
}
