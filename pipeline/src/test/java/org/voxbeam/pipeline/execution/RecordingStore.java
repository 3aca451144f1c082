package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;

/**
 * An in-memory store that remembers what was committed to it: the size of each batch, in order, and
 * every result. Tests override {@link #putAll} to make commits fail or wait.
 */
class RecordingStore implements ResultStore {
  /** The size of each batch committed, in order. */
  final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());

  private final List<StoredResult> committed = new ArrayList<>();
  private final InMemoryResultStore stored = new InMemoryResultStore();

  /** The last result committed under {@code id}, if any. */
  synchronized Optional<StoredResult> committed(NodeId id) {
    return committed.stream().filter(result -> result.id().equals(id)).reduce((a, b) -> b);
  }

  /** The ids of every result committed. */
  synchronized Set<NodeId> committedIds() {
    return Set.copyOf(committed.stream().map(StoredResult::id).toList());
  }

  @Override
  public synchronized void putAll(Collection<StoredResult> results) {
    batches.add(results.size());
    committed.addAll(results);
    stored.putAll(results);
  }

  @Override
  public synchronized Optional<StoredResult> get(NodeId id) {
    return stored.get(id);
  }

  @Override
  public synchronized Set<NodeId> containsAll(Collection<NodeId> ids) {
    return stored.containsAll(ids);
  }

  @Override
  public StoreStats stats() {
    return stored.stats();
  }

  @Override
  public void close() {
    stored.close();
  }
}
