package org.voxbeam.api;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.store.WorkClaims;

/**
 * A view of a store that shows only results whose recorded provenance lies within a scope: every
 * file, listing and tree the result was computed from, directly or through its ancestry, is a path
 * {@code allowed} accepts. A result whose provenance its row does not record (a row of store format
 * version 1, or a child row, whose parent records it) is not shown: nothing vouches for it. The
 * HTTP server reads through such a view, so a result that a command-line run computed from a file
 * outside the server's data roots is neither served nor reused by the server's runs, which compute
 * it again and then fail to read the file, as if they had been asked to read it directly.
 *
 * <p>Writes, statistics and claims go to the store unchanged.
 */
final class ScopedResults implements ResultStore {
  private final ResultStore store;
  private final Predicate<Path> allowed;

  /**
   * @param allowed whether a path, absolute and normalized as a run in this process would resolve
   *     the recorded one, is inside the scope
   */
  ScopedResults(ResultStore store, Predicate<Path> allowed) {
    this.store = store;
    this.allowed = allowed;
  }

  /** Whether every input in {@code inputs} lies inside the scope. */
  boolean inScope(RecordedInputs inputs) {
    if (!inputs.known()) {
      return false;
    }
    for (RecordedInput input : inputs.entries()) {
      if (input.kind() != RecordedInput.Kind.ITEM && !allowed(input.path())) {
        return false;
      }
    }
    return true;
  }

  private boolean allowed(String recorded) {
    try {
      return allowed.test(Path.of(recorded).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }

  @Override
  public Optional<StoredResult> get(NodeId id) {
    return store.get(id).filter(result -> inScope(result.metadata().inputs()));
  }

  @Override
  public Set<NodeId> containsAll(Collection<NodeId> ids) {
    Set<NodeId> shown = new HashSet<>();
    for (NodeId id : store.containsAll(ids)) {
      if (store.inputsOf(id).filter(this::inScope).isPresent()) {
        shown.add(id);
      }
    }
    return shown;
  }

  @Override
  public Optional<RecordedInputs> inputsOf(NodeId id) {
    return store.inputsOf(id).filter(this::inScope);
  }

  @Override
  public void putAll(Collection<StoredResult> results) {
    store.putAll(results);
  }

  @Override
  public StoreStats stats() {
    return store.stats();
  }

  @Override
  public void refresh() {
    store.refresh();
  }

  @Override
  public WorkClaims claims() {
    return store.claims();
  }

  /** The store belongs to the {@link VoxBeam} this view was made from, which closes it. */
  @Override
  public void close() {}
}
