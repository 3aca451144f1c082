package org.voxbeam.pipeline.execution;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;

/**
 * A handle to stop a run from another thread. Cancelling is cooperative: the in-process scheduler
 * starts no new node and no new item of a {@code map}, {@code for_loop} or {@code filter} once it
 * is cancelled, lets the ones already running finish, and commits every result computed so far, so
 * the store stays valid and the next run reuses them; a Beam run cancels its pipeline. Goals the
 * run did not reach get {@link #goalValue}, which reads as status {@code cancelled}.
 */
public final class RunCancellation {
  /** The message of a goal a cancelled run did not reach. */
  static final String MESSAGE = "the run was cancelled before this goal was computed";

  private static final String OPERATOR = "cancel";

  private final List<Runnable> reactions = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

  /** A handle that nobody holds: the run cannot be cancelled. */
  public static RunCancellation none() {
    return new RunCancellation();
  }

  /** Asks the run to stop; idempotent, returns at once. */
  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    reactions.forEach(Runnable::run);
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Runs {@code reaction} when the run is cancelled (at once if it is already). */
  public void onCancel(Runnable reaction) {
    reactions.add(reaction);
    if (cancelled) {
      reaction.run();
    }
  }

  /** The value of a goal, of node {@code id}, that a cancelled run did not compute. */
  public static ErrorValue goalValue(NodeId id) {
    return new ErrorValue(MESSAGE, id, OPERATOR, Optional.empty());
  }

  /** Whether {@code value} is a goal a cancelled run did not reach. */
  public static boolean notReached(Value value) {
    return value instanceof ErrorValue error
        && error.cause().isEmpty()
        && OPERATOR.equals(error.operator())
        && MESSAGE.equals(error.message());
  }
}
