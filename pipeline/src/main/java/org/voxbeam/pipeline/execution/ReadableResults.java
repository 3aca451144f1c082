package org.voxbeam.pipeline.execution;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;

/**
 * A view of a store that lists only results it can actually read. Planning through it is slower
 * (every listed result is loaded) but cannot stop at a result that is listed yet unreadable; the
 * scheduler uses it to recompute a node whose stored result failed to load, and a Beam run to plan
 * again after a goal could not be read.
 */
public final class ReadableResults implements ResultStore {
  private final ResultStore store;

  /** A view of {@code store}, which stays the caller's. */
  public ReadableResults(ResultStore store) {
    this.store = store;
  }

  @Override
  public Optional<StoredResult> get(NodeId id) {
    return store.get(id);
  }

  @Override
  public Set<NodeId> containsAll(Collection<NodeId> ids) {
    Set<NodeId> readable = new HashSet<>();
    for (NodeId id : store.containsAll(ids)) {
      if (store.get(id).isPresent()) {
        readable.add(id);
      }
    }
    return readable;
  }

  @Override
  public void putAll(Collection<StoredResult> results) {
    store.putAll(results);
  }

  @Override
  public StoreStats stats() {
    return store.stats();
  }

  /** The underlying store belongs to the caller and stays open. */
  @Override
  public void close() {}
}
