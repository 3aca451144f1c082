package org.voxbeam.transforms;

/**
 * One element of a fan-out stage: items {@code from} (inclusive) to {@code to} (exclusive) of the
 * sequence a {@code map}, {@code for_loop} or {@code filter} node applies its closure to. Items
 * travel in batches because a Beam element costs tens of microseconds, and each costs a reading of
 * the node's sequence and closure, while a per-item closure such as {@code i*2+1} costs a few: one
 * {@code DoFn} call computes a whole batch with the sequence and closure it read once.
 *
 * @param fanOut the task holding the node and the constants and closures it needs
 * @param from the index of the batch's first item
 * @param to one past the index of its last item
 */
record ItemBatch(StageTask fanOut, int from, int to) {
  ItemBatch {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("a batch of items " + from + " to " + to + " is empty");
    }
  }

  /** How many items the batch holds. */
  int size() {
    return to - from;
  }
}
