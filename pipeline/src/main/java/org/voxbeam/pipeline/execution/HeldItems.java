package org.voxbeam.pipeline.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Value;

/**
 * The item results of one fan-out ({@code map}, {@code for_loop}, {@code filter}), held back from
 * the committer while they may still become part of the node's own row instead of rows of their own
 * (store format 5 keeps a sequence of scalars in one row). Per-item rows serve two purposes: a run
 * that stops midway keeps its items, and an item whose value and reads are unchanged is reused when
 * the node's sequence changes under the same node id (a case added to a listing). The second needs
 * an input outside the store; a node that read none, through its sequence, its closure or any item,
 * has an id that fixes all of its items. Such a node's scalar items are held for at most one commit
 * interval, which is what a run that stops may lose anyway. If the fan-out completes meanwhile, the
 * node's row is all that is stored (a {@code map}'s or {@code for_loop}'s holds the item values, a
 * {@code filter}'s the items it kept): a 100,000-item {@code map} over a {@code range} commits a
 * few rows instead of 100,000.
 *
 * <p>Items are released to the committer, with the time the first was computed, as soon as one
 * cannot be held (an error, a value that is not a scalar, an item that read a file), the interval
 * has passed, {@value #MAX_HELD} are held (a held item takes ~350 bytes of heap, so this bounds
 * them to ~45 MB whatever the interval), or the fan-out ends any other way than by completing.
 */
final class HeldItems {
  static final int MAX_HELD = 1 << 17;

  private final ResultCommitter committer;
  private final long deadlineNanos;
  private List<StoredResult> held;
  private long sinceNanos;

  private HeldItems(ResultCommitter committer, long deadlineNanos, boolean holding) {
    this.committer = committer;
    this.deadlineNanos = deadlineNanos;
    this.held = holding ? new ArrayList<>() : null;
  }

  /**
   * The items of a fan-out starting now.
   *
   * @param nodeReadsNothing whether the node's sequence and closure depend on nothing outside the
   *     store
   */
  static HeldItems of(boolean nodeReadsNothing, ResultCommitter committer, Duration interval) {
    return new HeldItems(committer, System.nanoTime() + interval.toNanos(), nodeReadsNothing);
  }

  /** Holds {@code item}, computed reading nothing if {@code readNothing}, or commits it. */
  void add(StoredResult item, boolean readNothing) {
    if (held != null
        && held.size() < MAX_HELD
        && readNothing
        && item.value().isScalar()
        && System.nanoTime() - deadlineNanos < 0) {
      if (held.isEmpty()) {
        sinceNanos = System.nanoTime();
      }
      held.add(item);
      return;
    }
    release();
    committer.add(item);
  }

  /** An item reused from the store: the node's row can keep it only if it is a scalar. */
  void reused(Value item) {
    if (!item.isScalar()) {
      release();
    }
  }

  /** Whether every item is held still: the node's row is to keep their values. */
  boolean holdsAll() {
    return held != null;
  }

  /** Hands whatever is held to the committer, and holds nothing from now on. */
  void release() {
    if (held != null) {
      committer.addAll(held, sinceNanos);
      held = null;
    }
  }
}
