package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.store.WorkClaims;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoreOptions;

/**
 * A result store whose source of truth is a {@link RemoteLocation}, with a local store directory
 * (the ordinary format, one per process or worker) as its working tier.
 *
 * <p><b>Writes.</b> A batch is committed to the local store as always, then its segment is
 * published under the same name: its blobs first, the segment next, its manifest entry last, each
 * with a put that never replaces an object. A reader that lists a segment can therefore read every
 * blob it references, and one that lists nothing sees nothing: a writer that dies between its blobs
 * and its segment leaves only unreferenced blobs. Two writers of one id write two segments under
 * unique names and blobs under their content's name, so they agree whichever lands first. A segment
 * committed locally whose publication failed is published at the next commit or opening.
 *
 * <p><b>Reads.</b> Lookups go to the local store (and its Caffeine cache). On a miss the remote's
 * segment listing is read again, at most once per relisting interval, and the segments the local
 * directory lacks are copied into it (one listing, then the segments) before the lookup is
 * repeated; a blob comes when a lookup first needs it. Opening pulls every segment the remote has.
 *
 * <p>Claims, maintenance and run records stay local: claims lock nodes among the processes that
 * share the working directory, not across machines, so two machines may compute one node; they
 * store equal results.
 */
public final class TieredStore implements ResultStore {
  private static final Logger LOG = LoggerFactory.getLogger(TieredStore.class);

  /** How often a miss may list the remote, unless the store options set an interval. */
  static final long DEFAULT_RELIST_MILLIS = 1_000;

  /** Blobs sent to the remote at once: each put is a round trip, mostly spent waiting. */
  private static final int UPLOAD_THREADS = 8;

  private final CountingLocation remote;
  private final ParquetResultStore local;
  private final RemoteNames names;
  private final long relistMillis;

  /** Segment names the remote is known to hold: listed there, or published by this store. */
  private final Set<String> remoteSegments = ConcurrentHashMap.newKeySet();

  /** Blobs this store has published or found published, so a shared blob is sent once. */
  private final Set<String> remoteBlobs = ConcurrentHashMap.newKeySet();

  private final AtomicLong lastListing = new AtomicLong();
  private final AtomicLong pulled = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final ExecutorService uploads =
      Executors.newFixedThreadPool(
          UPLOAD_THREADS,
          runnable -> {
            Thread thread = new Thread(runnable, "voxbeam-remote-upload");
            thread.setDaemon(true);
            return thread;
          });
  private final Object pulling = new Object();
  private final Object publishing = new Object();

  private TieredStore(
      CountingLocation remote, ParquetResultStore local, RemoteNames names, long relistMillis) {
    this.remote = remote;
    this.local = local;
    this.names = names;
    this.relistMillis = relistMillis;
  }

  /**
   * Opens the store at {@code remote} through the working directory {@code workDirectory} (created
   * if missing): takes the remote's format marker (or gives it this one's), pulls the segments the
   * directory lacks and publishes those the remote lacks. The store owns {@code remote} from then
   * on and closes it.
   *
   * @throws StoreException if the remote cannot be reached, or holds a store of another format
   */
  public static TieredStore open(
      RemoteLocation location, Path workDirectory, StoreOptions options) {
    CountingLocation remote = new CountingLocation(location);
    StoreLayout layout = new StoreLayout(workDirectory);
    RemoteNames names = new RemoteNames(layout);
    ParquetResultStore local = null;
    try {
      takeMarker(remote, layout, names);
      local = ParquetResultStore.open(layout.root(), options, new RemoteBlobs(remote, names));
      giveMarker(remote, layout, names);
      long relist =
          options.missRelistMillis() > 0 ? options.missRelistMillis() : DEFAULT_RELIST_MILLIS;
      TieredStore store = new TieredStore(remote, local, names, relist);
      try {
        store.pull();
        local.refresh();
        store.publishPending();
      } catch (IOException | RuntimeException e) {
        store.uploads.shutdown();
        throw e;
      }
      return store;
    } catch (IOException e) {
      closeAll(local, remote);
      throw new StoreException(
          "store " + remote.describe() + ": cannot open it: " + StoreException.reason(e), e);
    } catch (RuntimeException e) {
      closeAll(local, remote);
      throw e;
    }
  }

  /** A new working directory starts from the remote's marker, so its version is the remote's. */
  private static void takeMarker(RemoteLocation remote, StoreLayout layout, RemoteNames names)
      throws IOException {
    if (Files.exists(layout.marker())) {
      return;
    }
    Files.createDirectories(layout.tmp());
    Path temporary = Files.createTempFile(layout.tmp(), "remote-marker-", ".tmp");
    try {
      if (remote.read(names.marker(), temporary)) {
        Files.move(temporary, layout.marker(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A remote without a marker gets this one's; one with another marker is refused. */
  private static void giveMarker(RemoteLocation remote, StoreLayout layout, RemoteNames names)
      throws IOException {
    if (remote.putIfAbsent(names.marker(), layout.marker())) {
      return;
    }
    Path temporary = Files.createTempFile(layout.tmp(), "remote-marker-", ".tmp");
    try {
      if (remote.read(names.marker(), temporary)
          && Files.mismatch(temporary, layout.marker()) != -1) {
        throw new StoreException(
            "store "
                + remote.describe()
                + " has the format marker "
                + Files.readString(temporary).strip().replaceAll("\\s+", " ")
                + ", but its working directory "
                + layout.root()
                + " has "
                + Files.readString(layout.marker()).strip().replaceAll("\\s+", " ")
                + "; use a working directory of this remote store's version");
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The working directory's store, for maintenance and the run record. */
  public ParquetResultStore local() {
    return local;
  }

  /** The remote location, as the user named it. */
  public String describe() {
    return remote.describe();
  }

  /** Segments copied from the remote since this store was opened. */
  public long pulledSegments() {
    return pulled.get();
  }

  /** Segments this store published to the remote since it was opened. */
  public long publishedSegments() {
    return published.get();
  }

  @Override
  public Optional<StoredResult> get(NodeId id) {
    Optional<StoredResult> here = local.get(id);
    if (here.isPresent() || !pulledOnMiss()) {
      return here;
    }
    return local.get(id);
  }

  @Override
  public Set<NodeId> containsAll(Collection<NodeId> ids) {
    Set<NodeId> present = new HashSet<>(local.containsAll(ids));
    if (present.size() == ids.size() || !pulledOnMiss()) {
      return present;
    }
    List<NodeId> missing = new ArrayList<>();
    for (NodeId id : ids) {
      if (!present.contains(id)) {
        missing.add(id);
      }
    }
    present.addAll(local.containsAll(missing));
    return present;
  }

  @Override
  public Optional<RecordedInputs> inputsOf(NodeId id) {
    Optional<RecordedInputs> here = local.inputsOf(id);
    if (here.isPresent() || !pulledOnMiss()) {
      return here;
    }
    return local.inputsOf(id);
  }

  /**
   * After a miss: whether a listing of the remote, if one is due, brought new segments (then
   * indexed by the local store). A remote that cannot be reached is a miss, logged: the result is
   * computed instead.
   */
  private boolean pulledOnMiss() {
    long now = System.currentTimeMillis();
    long last = lastListing.get();
    if (now - last < relistMillis || !lastListing.compareAndSet(last, now)) {
      return false;
    }
    try {
      if (pull() == 0) {
        return false;
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot list the remote store {}: {}", remote.describe(), e.getMessage());
      return false;
    }
    local.refresh();
    return true;
  }

  /**
   * Lists the remote's segments once and copies those the working directory lacks into it, each
   * checked against its manifest entry where the remote has one.
   *
   * @return how many segments were copied
   */
  private int pull() throws IOException {
    synchronized (pulling) {
      lastListing.set(System.currentTimeMillis());
      List<String> fresh = new ArrayList<>();
      for (String name : remote.list(RemoteNames.SEGMENTS)) {
        String segment = RemoteNames.segmentName(name);
        if (segment != null && !remoteSegments.contains(segment)) {
          fresh.add(segment);
        }
      }
      int copied = 0;
      try {
        for (String segment : fresh) {
          if (new SegmentPull(remote, names, segment).run()) {
            copied++;
          }
          // Known from now on, copied or refused; one whose download failed is tried again.
          remoteSegments.add(segment);
        }
      } finally {
        pulled.addAndGet(copied);
      }
      if (copied > 0) {
        LOG.debug("pulled {} segment(s) from {}", copied, remote.describe());
      }
      return copied;
    }
  }

  /**
   * Publishes every segment of the working directory that the remote is not known to hold: its
   * blobs, then the segment, then its manifest entry.
   */
  private void publishPending() throws IOException {
    synchronized (publishing) {
      for (Path segment : local.segmentFiles()) {
        String name = segment.getFileName().toString();
        if (remoteSegments.contains(name)) {
          continue;
        }
        new SegmentPublication(remote, names, segment, remoteBlobs, uploads).run();
        remoteSegments.add(name);
        published.incrementAndGet();
      }
    }
  }

  /**
   * Commits {@code results} to the working directory, then publishes them.
   *
   * @throws StoreException if the remote refused them: they are committed locally, and published by
   *     the next commit or opening of this working directory
   */
  @Override
  public void putAll(Collection<StoredResult> results) {
    local.putAll(results);
    try {
      publishPending();
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "results committed to "
              + local.layout().root()
              + " could not be published to "
              + remote.describe()
              + " (the next commit from this working directory publishes them): "
              + StoreException.reason(e),
          e);
    }
  }

  /** Bytes of the objects read from the remote since this store was opened. */
  public long bytesPulled() {
    return remote.bytesRead();
  }

  /** Bytes of the objects this store stored on the remote since it was opened. */
  public long bytesPublished() {
    return remote.bytesWritten();
  }

  @Override
  public StoreStats stats() {
    return local.stats();
  }

  @Override
  public WorkClaims claims() {
    return local.claims();
  }

  /** Lists the remote now, whatever the interval, and indexes what it brought. */
  @Override
  public void refresh() {
    try {
      pull();
    } catch (IOException e) {
      throw new StoreException(
          "cannot list the remote store " + remote.describe() + ": " + StoreException.reason(e), e);
    }
    local.refresh();
  }

  @Override
  public void close() {
    LOG.debug(
        "closing {}: published {} segment(s), {} bytes; pulled {} segment(s), {} bytes",
        remote.describe(),
        published.get(),
        remote.bytesWritten(),
        pulled.get(),
        remote.bytesRead());
    uploads.shutdown();
    closeAll(local, remote);
  }

  private static void closeAll(ParquetResultStore local, RemoteLocation remote) {
    try {
      if (local != null) {
        local.close();
      }
    } finally {
      remote.close();
    }
  }
}
