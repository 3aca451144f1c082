package org.voxbeam.kernel.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.node.NodeId;

/**
 * Where results live, keyed by node id: the engine asks it before computing anything and puts every
 * result into it.
 *
 * <p>The contract is shaped for a persistent, shared store:
 *
 * <ul>
 *   <li><b>Batches.</b> Existence checks ({@link #containsAll}) and writes ({@link #putAll}) take
 *       many ids at once, so a store on disk can answer from an index and commit one file per
 *       batch. A batch becomes visible all at once or not at all.
 *   <li><b>Immutability.</b> A successful result is never replaced: when two writers put the same
 *       id, the first success wins (results of the same id are equal by construction). A recorded
 *       failure is replaced by a later success, so a rerun can recover from a failure.
 *   <li><b>Large values.</b> Binary payloads travel as {@link org.voxbeam.kernel.value.Blob}s: a
 *       store reads them as streams on the way in and may hand back lazily opened blobs on the way
 *       out, so neither side needs a whole image in memory.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface ResultStore extends AutoCloseable {
  /** The stored result for {@code id}, success or failure, if any. */
  Optional<StoredResult> get(NodeId id);

  /** Whether a successful result for {@code id} is stored. */
  default boolean contains(NodeId id) {
    return !containsAll(List.of(id)).isEmpty();
  }

  /** Those of {@code ids} that have a successful result stored. */
  Set<NodeId> containsAll(Collection<NodeId> ids);

  /**
   * What the stored success for {@code id} recorded as its inputs (see {@link RecordedInputs}), if
   * a success is stored. Deciding whether a result may be reused needs only this, so a persistent
   * store answers from the result's own row, without decoding the value.
   */
  default Optional<RecordedInputs> inputsOf(NodeId id) {
    return get(id)
        .filter(result -> result.status() == ResultStatus.SUCCEEDED)
        .map(result -> result.metadata().inputs());
  }

  /** Commits {@code results} as one batch. */
  void putAll(Collection<StoredResult> results);

  default void put(StoredResult result) {
    putAll(List.of(result));
  }

  StoreStats stats();

  /**
   * Claims on nodes being computed, shared by every run on this store (across processes, for a
   * store on disk); by default none, for a store only one run uses at a time.
   */
  default WorkClaims claims() {
    return WorkClaims.NONE;
  }

  /**
   * Looks for results other processes committed since this store last looked, so that what they
   * recomputed supersedes what this one has indexed or cached. A Beam worker calls it when a stage
   * starts: the stage before it may have run in other JVMs. A store only this process writes has
   * nothing to do.
   */
  default void refresh() {}

  /** Releases files and memory; results already committed stay committed. */
  @Override
  void close();
}
