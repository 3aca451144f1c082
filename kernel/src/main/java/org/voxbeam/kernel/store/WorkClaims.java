package org.voxbeam.kernel.store;

import java.util.Optional;
import org.voxbeam.kernel.node.NodeId;

/**
 * Claims on nodes being computed, shared by every run that uses a store, so that overlapping runs
 * compute a node once: a run claims a node before computing it and releases the claim once the
 * result is committed; a run that finds the node claimed waits for the result instead of computing
 * it too. A claim held by a process that died is released with it.
 *
 * <p>Claims are an optimisation, never a condition of correctness: results of one id are equal by
 * construction, so two runs that both compute a node (claims unsupported, or one gave up waiting)
 * store the same value.
 */
public interface WorkClaims {
  /** Claims that are always granted: for stores only one run uses. */
  WorkClaims NONE = id -> Optional.of(() -> {});

  /**
   * Claims {@code id} if no other run holds it.
   *
   * @return the claim, to be closed once the node's result is committed (or it failed); empty if
   *     another run, in this process or another, holds it now
   */
  Optional<Claim> tryClaim(NodeId id);

  /** A held claim. */
  interface Claim extends AutoCloseable {
    /** Releases the claim; idempotent. */
    @Override
    void close();
  }
}
