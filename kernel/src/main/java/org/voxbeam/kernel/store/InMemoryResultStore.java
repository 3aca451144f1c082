package org.voxbeam.kernel.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.voxbeam.kernel.node.NodeId;

/**
 * A store that lives and dies with the process: for tests, benchmarks and one-off runs where
 * nothing needs to outlive the JVM. Follows the {@link ResultStore} contract exactly, so code
 * tested against it behaves the same on a persistent store.
 */
public final class InMemoryResultStore implements ResultStore {
  private final ConcurrentHashMap<NodeId, StoredResult> results = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredResult> get(NodeId id) {
    return Optional.ofNullable(results.get(id));
  }

  @Override
  public boolean contains(NodeId id) {
    StoredResult result = results.get(id);
    return result != null && result.status() == ResultStatus.SUCCEEDED;
  }

  @Override
  public Set<NodeId> containsAll(Collection<NodeId> ids) {
    Set<NodeId> present = new HashSet<>();
    for (NodeId id : ids) {
      if (contains(id)) {
        present.add(id);
      }
    }
    return present;
  }

  @Override
  public void putAll(Collection<StoredResult> batch) {
    for (StoredResult result : batch) {
      results.merge(result.id(), result, InMemoryResultStore::keepFirstSuccess);
    }
  }

  private static StoredResult keepFirstSuccess(StoredResult existing, StoredResult incoming) {
    return existing.status() == ResultStatus.SUCCEEDED ? existing : incoming;
  }

  @Override
  public StoreStats stats() {
    long succeeded = 0;
    long failed = 0;
    Map<String, Long> byType = new TreeMap<>();
    for (StoredResult result : results.values()) {
      if (result.status() == ResultStatus.SUCCEEDED) {
        succeeded++;
      } else {
        failed++;
      }
      byType.merge(result.value().voxType(), 1L, Long::sum);
    }
    return new StoreStats(succeeded, failed, 0, byType);
  }

  @Override
  public void close() {
    results.clear();
  }
}
