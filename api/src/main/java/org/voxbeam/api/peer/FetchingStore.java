package org.voxbeam.api.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.store.WorkClaims;

/**
 * A store that, on a miss, asks peers for the result before saying it has none: what a peer holds
 * is checked (see {@link StoredRowJson#decode} and {@link PeerClient}), committed to the local
 * store, and then answered from there, so the engine above it sees an ordinary stored row (whose
 * recorded inputs it checks against the local files like any other) and a later run finds it
 * locally. Sequence children and blobs come with their row. Each id is asked once per run, so a
 * node no peer has costs one request per peer, not one per lookup.
 *
 * <p>One instance serves one run: the peers it gave up on stay given up on until it is closed, and
 * {@link #fetched()} says which nodes it fetched. Closing it does not close the local store.
 */
public final class FetchingStore implements ResultStore {
  private static final Logger LOG = LoggerFactory.getLogger(FetchingStore.class);

  private final ResultStore local;
  private final PeerClient peers;
  private final ConcurrentHashMap<NodeId, FutureTask<Boolean>> asked = new ConcurrentHashMap<>();
  private final Set<NodeId> fetched = ConcurrentHashMap.newKeySet();

  public FetchingStore(ResultStore local, PeerSettings settings) {
    this.local = local;
    this.peers = new PeerClient(settings);
  }

  /** The ids whose results this store fetched from a peer (items of a sequence not included). */
  public Set<NodeId> fetched() {
    return Set.copyOf(fetched);
  }

  /** Bytes received from peers: rows and blobs, including answers that were refused. */
  public long bytesReceived() {
    return peers.bytesReceived();
  }

  @Override
  public Optional<StoredResult> get(NodeId id) {
    Optional<StoredResult> here = local.get(id);
    if (here.isPresent() || !fetch(id)) {
      return here;
    }
    return local.get(id);
  }

  @Override
  public Set<NodeId> containsAll(Collection<NodeId> ids) {
    Set<NodeId> present = new HashSet<>(local.containsAll(ids));
    List<NodeId> fetchedNow = new ArrayList<>();
    for (NodeId id : ids) {
      if (!present.contains(id) && fetch(id)) {
        fetchedNow.add(id);
      }
    }
    if (!fetchedNow.isEmpty()) {
      present.addAll(local.containsAll(fetchedNow));
    }
    return present;
  }

  @Override
  public Optional<RecordedInputs> inputsOf(NodeId id) {
    Optional<RecordedInputs> here = local.inputsOf(id);
    if (here.isPresent() || !fetch(id)) {
      return here;
    }
    return local.inputsOf(id);
  }

  /** Asks the peers for {@code id} once, however many threads want it; true if it was stored. */
  private boolean fetch(NodeId id) {
    if (!peers.anyLeft() && !asked.containsKey(id)) {
      return false;
    }
    FutureTask<Boolean> task = asked.computeIfAbsent(id, key -> new FutureTask<>(() -> copy(key)));
    task.run();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      LOG.warn("could not store the result of node {} fetched from a peer", id.shortForm(), e);
      return false;
    }
  }

  private boolean copy(NodeId id) throws IOException {
    Path scratch = Files.createTempDirectory("voxbeam-peer-");
    try {
      Optional<StoredRowJson.Decoded> row = peers.fetch(id, scratch);
      if (row.isEmpty()) {
        return false;
      }
      local.putAll(row.get().batch());
      fetched.add(id);
      LOG.debug("node {} fetched from a peer", id.shortForm());
      return true;
    } finally {
      delete(scratch);
    }
  }

  private static void delete(Path scratch) throws IOException {
    try (Stream<Path> files = Files.list(scratch)) {
      files.forEach(
          file -> {
            try {
              Files.deleteIfExists(file);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    Files.deleteIfExists(scratch);
  }

  @Override
  public void putAll(Collection<StoredResult> results) {
    local.putAll(results);
  }

  @Override
  public StoreStats stats() {
    return local.stats();
  }

  @Override
  public WorkClaims claims() {
    return local.claims();
  }

  @Override
  public void refresh() {
    local.refresh();
  }

  /** The local store belongs to whoever opened it. */
  @Override
  public void close() {}
}
