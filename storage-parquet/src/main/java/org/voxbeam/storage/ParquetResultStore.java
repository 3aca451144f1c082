package org.voxbeam.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultStatus;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.store.WorkClaims;
import org.voxbeam.storage.blob.BlobRef;
import org.voxbeam.storage.blob.BlobSource;
import org.voxbeam.storage.blob.BlobStore;
import org.voxbeam.storage.index.ResultIndex;
import org.voxbeam.storage.segment.PageMap;
import org.voxbeam.storage.segment.RowChecksum;
import org.voxbeam.storage.segment.RowCodec;
import org.voxbeam.storage.segment.RowReader;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentIndexFile;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * The persistent result store: a directory of immutable Parquet segments and content-addressed
 * blobs (see {@link StoreLayout}), with an in-memory index of where each result is and a Caffeine
 * cache of decoded results in front.
 *
 * <p><b>Reads.</b> The index says which segment and row hold a result, and whether the row
 * references a blob. A first read decodes that one row, through the segment's {@link PageMap} (kept
 * since the segment was indexed); {@code contains} of a result without a blob reads nothing at all.
 *
 * <p><b>Concurrency.</b> Any number of threads and processes may use one directory at once. Each
 * {@link #putAll} writes one new segment (temporary file, then an atomic rename), so writers never
 * touch each other's files; readers pick up segments committed by other processes when they look
 * for an id they do not know (at most one directory listing per change of the directory, and per
 * {@link StoreOptions#missRelistMillis} when that is set). The index keeps a success over a failure
 * and, between two successes of one id, the newer: a result is recomputed under the same id when
 * what it read outside the store changed, and the recomputation supersedes it. Results computed by
 * other processes replace what this one has cached at the next look at the directory, at most a
 * second later. A compaction renumbers the segments and deletes the ones it merged: a read takes a
 * row's location and its segment from one index, and one whose segment was deleted under it reads
 * again through an index of the segments there are now.
 *
 * <p><b>Integrity.</b> A row whose blob is missing reads as absent, so it is recomputed. Every row
 * read is checked against its checksum (format version 3): a row that fails, or does not decode,
 * reads as absent from then on and the row recomputing it writes supersedes it. A segment that
 * cannot be indexed, or a row whose id does not parse, is skipped; the rest of the store works.
 * With {@link StoreOptions#verifyBlobsOnRead} a blob is re-hashed when its result is loaded and
 * again on every read of its content (see {@link org.voxbeam.storage.blob.FileBlob}); a corrupt one
 * is moved to quarantine, and a cached result holding it is dropped. {@code verify} checks every
 * file.
 */
public final class ParquetResultStore implements ResultStore {
  /** How many times a refresh lists the segments while compactions replace them under it. */
  private static final int MAX_LISTINGS = 4;

  /**
   * How long a read goes on looking for a result whose segment compactions keep replacing under it
   * (each merges the one before) before it calls the result unreadable.
   */
  private static final Duration COMPACTION_PATIENCE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ParquetResultStore.class);

  /** Directory timestamps can be coarse; this long after a change, listings are repeated. */
  private static final long TIMESTAMP_GRANULARITY_MILLIS = 2_000;

  /** How often a read of a known id looks for newer rows committed by other processes. */
  private static final long RECHECK_MILLIS = 1_000;

  private final StoreLayout layout;
  private final BlobStore blobs;
  private final RowCodec codec;

  /** Replaced whole by a reindex; otherwise changed only under this store's lock. */
  private volatile Catalog catalog = new Catalog();

  /** Rows found corrupt ({@code segment file name#row}): they read as absent and are superseded. */
  private final Set<String> damagedRows = ConcurrentHashMap.newKeySet();

  private final LoadingCache<Path, List<Group>> segmentRows;
  private final boolean verifyBlobs;
  private final Durability durability;
  private final NodeClaims claims;
  private final AccessLog accessLog;
  private final Cache<NodeId, StoredResult> results;
  private volatile FileTime lastListing = FileTime.fromMillis(0);

  /** Whether the last listing left a segment unread because its reader was interrupted. */
  private boolean interruptedRead;

  private volatile long lastRecheck = System.currentTimeMillis();

  /** See {@link StoreOptions#missRelistMillis}. */
  private final long missRelistMillis;

  /** When a lookup miss, or a {@link #refresh()}, last looked at the segments directory. */
  private volatile long lastMissListing;

  private ParquetResultStore(StoreLayout layout, StoreOptions options, BlobSource blobSource) {
    this.layout = layout;
    this.blobs =
        new BlobStore(layout, options.verifyBlobsOnRead(), options.durability(), blobSource);
    this.durability = options.durability();
    this.claims = new NodeClaims(layout);
    this.verifyBlobs = options.verifyBlobsOnRead();
    this.missRelistMillis = options.missRelistMillis();
    this.accessLog = new AccessLog(layout);
    this.codec = new RowCodec(blobs);
    this.segmentRows =
        Caffeine.newBuilder()
            .maximumWeight(options.segmentCacheRows())
            .weigher((Path segment, List<Group> rows) -> Math.max(1, rows.size()))
            .build(this::readSegment);
    this.results =
        Caffeine.newBuilder()
            .maximumWeight(options.cacheBytes())
            .weigher((NodeId id, StoredResult result) -> ValueWeigher.weigh(result))
            .executor(Runnable::run)
            .recordStats()
            .build();
  }

  /**
   * Opens the store in {@code directory}, creating it if it does not exist, and upgrading it if an
   * earlier version of the format wrote it (see docs/store-format.md).
   *
   * @throws StoreException if the directory is not a store of a format this version reads
   */
  public static ParquetResultStore open(Path directory, StoreOptions options) {
    return open(directory, options, BlobSource.NONE);
  }

  /**
   * As {@link #open(Path, StoreOptions)}, a blob that a row references and the directory lacks
   * being copied from {@code blobSource} when a read first needs it: the local tier of a remote
   * store, whose rows are pulled before their blobs.
   */
  public static ParquetResultStore open(
      Path directory, StoreOptions options, BlobSource blobSource) {
    StoreLayout layout = new StoreLayout(directory);
    FormatMarker.createOrCheck(layout);
    return opened(layout, options, blobSource);
  }

  /**
   * Opens the existing store in {@code directory}, for commands that only read or maintain it:
   * unlike {@link #open}, a directory that does not exist, or is not a store, is refused rather
   * than made into one.
   *
   * @throws StoreException if there is no store there
   */
  public static ParquetResultStore openExisting(Path directory, StoreOptions options) {
    StoreLayout layout = new StoreLayout(directory);
    FormatMarker.checkExisting(layout);
    return opened(layout, options, BlobSource.NONE);
  }

  private static ParquetResultStore opened(
      StoreLayout layout, StoreOptions options, BlobSource blobSource) {
    ParquetResultStore store = new ParquetResultStore(layout, options, blobSource);
    store.refresh(true);
    return store;
  }

  public StoreLayout layout() {
    return layout;
  }

  BlobStore blobs() {
    return blobs;
  }

  @Override
  public Optional<StoredResult> get(NodeId id) {
    long now = System.currentTimeMillis();
    if (now - lastRecheck > RECHECK_MILLIS) {
      lastRecheck = now;
      refresh(false);
    }
    StoredResult cached = results.getIfPresent(id);
    if (cached != null && cached.value().failedVerification()) {
      results.invalidate(id);
      cached = null;
    }
    if (cached != null) {
      accessLog.touch(id);
      return Optional.of(cached);
    }
    // Look again after refreshing even if this call found nothing new: another thread may have
    // indexed the segment that holds the id since this one looked.
    if (catalog.index.get(id) == null
        && !(mayRelistOnMiss() && refresh(false))
        && location(id) == null) {
      return Optional.empty();
    }
    long patience = System.nanoTime() + COMPACTION_PATIENCE.toNanos();
    while (true) {
      Catalog readFrom = catalog;
      RuntimeException failure;
      try {
        return loaded(id);
      } catch (RuntimeException e) {
        failure = e;
      }
      // Compaction (here or in another process) replaces segments under a reader: read again,
      // through an index of the segments there are now, before calling the result unreadable.
      if (catalog == readFrom && indexedSegmentVanished(readFrom)) {
        reindex();
      }
      if (catalog == readFrom || System.nanoTime() - patience > 0) {
        LOG.warn("result {} is unreadable and counts as absent: {}", id, failure.getMessage());
        return Optional.empty();
      }
    }
  }

  /** Whether a segment this store indexed is gone: compacted or evicted, here or elsewhere. */
  private boolean indexedSegmentVanished() {
    return indexedSegmentVanished(catalog);
  }

  /** Whether a segment that {@code from} indexes is gone. */
  private boolean indexedSegmentVanished(Catalog from) {
    List<Path> indexed;
    synchronized (this) {
      indexed = from.segments.stream().map(IndexedSegment::path).toList();
    }
    return indexed.stream().anyMatch(path -> !Files.exists(path));
  }

  private Optional<StoredResult> loaded(NodeId id) {
    Catalog before = catalog;
    StoredResult result = results.get(id, this::load);
    if (catalog != before) {
      // Rebuilt while this loaded: the row read may be one the new catalog supersedes, cached
      // after the rebuild emptied the cache.
      results.invalidate(id);
      result = results.get(id, this::load);
    }
    Optional<StoredResult> loaded = Optional.ofNullable(result);
    loaded.ifPresent(found -> accessLog.touch(id));
    return loaded;
  }

  /** Reads the result's own row only: its inputs, not its value (which may be a large tree). */
  @Override
  public Optional<RecordedInputs> inputsOf(NodeId id) {
    StoredResult cached = results.getIfPresent(id);
    if (cached != null && !cached.value().failedVerification()) {
      return Optional.of(cached)
          .filter(result -> result.status() == ResultStatus.SUCCEEDED)
          .map(result -> result.metadata().inputs());
    }
    RowAt at = rowAt(id);
    if (at == null || at.location().failed()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RowCodec.inputs(row(id, at)));
    } catch (RuntimeException e) {
      LOG.warn("result {} is unreadable and counts as absent: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void refresh() {
    lastRecheck = System.currentTimeMillis();
    lastMissListing = lastRecheck;
    refresh(false);
  }

  /**
   * Whether a lookup that missed may look at the segments directory: always, unless the options set
   * an interval ({@link StoreOptions#missRelistMillis}) and a miss or a {@link #refresh()} looked
   * less than that long ago.
   */
  private boolean mayRelistOnMiss() {
    if (missRelistMillis == 0) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (now - lastMissListing < missRelistMillis) {
      return false;
    }
    lastMissListing = now;
    return true;
  }

  @Override
  public boolean contains(NodeId id) {
    if (usable(id)) {
      return true;
    }
    if (!mayRelistOnMiss()) {
      return false;
    }
    refresh(false);
    if (indexedButUnusable(id) && indexedSegmentVanished()) {
      reindex();
    }
    return usable(id);
  }

  /**
   * Whether the index places {@code id} but its row cannot be used: then, and only then, a
   * compaction may have moved the row from under the index, and the segments are looked at. An id
   * the index does not hold at all gains nothing from that; checking every segment file on each
   * such miss cost a millisecond per miss in a store of a thousand segments.
   */
  private boolean indexedButUnusable(NodeId id) {
    return location(id) != null && !usable(id);
  }

  @Override
  public Set<NodeId> containsAll(Collection<NodeId> ids) {
    Set<NodeId> present = new HashSet<>();
    List<NodeId> missing = new ArrayList<>();
    for (NodeId id : ids) {
      (usable(id) ? present : missing).add(id);
    }
    if (!missing.isEmpty() && mayRelistOnMiss()) {
      // Every missing id is looked up again, whether or not this refresh found the segments:
      // another
      // thread may have indexed them since this one looked.
      refresh(false);
      if (missing.stream().anyMatch(this::indexedButUnusable) && indexedSegmentVanished()) {
        reindex();
      }
      for (NodeId id : missing) {
        if (usable(id)) {
          present.add(id);
        }
      }
    }
    return present;
  }

  /**
   * Whether {@code id} has a successful row whose blob, if any, is still there. Only rows with a
   * blob are read.
   */
  private boolean usable(NodeId id) {
    ResultIndex.Location location = location(id);
    if (location == null || location.failed()) {
      return false;
    }
    if (!location.hasBlob() && damagedRows.isEmpty()) {
      return true;
    }
    RowAt at = rowAt(id);
    if (at == null || at.location().failed() || damaged(at)) {
      return false;
    }
    if (!at.location().hasBlob()) {
      return true;
    }
    try {
      Optional<BlobRef> blob = RowCodec.blobOf(row(id, at));
      return blob.isEmpty() || blobs.exists(blob.get());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean damaged(RowAt at) {
    return !damagedRows.isEmpty() && damagedRows.contains(at.key());
  }

  /**
   * The row of {@code id} at {@code at}, its checksum checked: read alone through the segment's
   * page map, or from the whole decoded segment for a segment without one. A row that does not
   * decode or whose checksum does not match is remembered as damaged: it reads as absent from then
   * on, and the row that recomputing it writes supersedes it.
   *
   * @throws StoreException if the row is corrupt, or holds another id
   * @throws UncheckedIOException if the segment cannot be read, or was compacted away
   */
  private Group row(NodeId id, RowAt at) {
    if (damaged(at)) {
      throw new StoreException("row " + at.row() + " of segment " + at.path() + " is corrupt");
    }
    Group row;
    try {
      row = readRow(at);
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof NoSuchFileException)) {
        damagedRows.add(at.key());
      }
      throw e;
    }
    if (!RowChecksum.intact(row)) {
      damagedRows.add(at.key());
      throw new StoreException(
          "row " + at.row() + " of segment " + at.path() + " does not match its checksum");
    }
    if (!row.getString(SegmentSchema.NODE_ID, 0).equals(id.hex())) {
      throw new StoreException(
          "row " + at.row() + " of segment " + at.path() + " holds another id than " + id);
    }
    return row;
  }

  private Group readRow(RowAt at) {
    IndexedSegment segment = at.segment();
    if (segment.pages().isEmpty()) {
      return segmentRows.get(segment.path()).get(at.row());
    }
    try {
      return RowReader.read(segment.path(), segment.pages().get(), at.row());
    } catch (NoSuchFileException e) {
      // Not reindexed here: this runs inside a cache's loader, which must not clear the caches.
      // get() reindexes and reads once more.
      throw new UncheckedIOException("segment " + segment.path() + " was compacted away", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void putAll(Collection<StoredResult> batch) {
    List<Group> rows = new ArrayList<>();
    List<NodeId> ids = new ArrayList<>();
    List<StoredResult> written = new ArrayList<>();
    Set<NodeId> superseding = new HashSet<>();
    for (StoredResult result : batch) {
      ResultIndex.Location existing = catalog.index.get(result.id());
      if (existing != null
          && (result.status() == ResultStatus.FAILED
              || (!existing.failed() && sameAsStored(result)))) {
        continue;
      }
      RowAt at = existing == null ? null : rowAt(result.id());
      if (at != null && (damaged(at) || (!existing.failed() && !usable(result.id())))) {
        superseding.add(result.id());
      }
      codec.encode(result, rows, ids);
      written.add(result);
    }
    if (rows.isEmpty()) {
      return;
    }
    SegmentFiles.Written segment = SegmentFiles.commit(layout, rows, durability);
    synchronized (this) {
      if (catalog.known.add(segment.path().getFileName().toString())) {
        register(
            catalog, new IndexedSegment(segment.path(), segment.pages()), rows, ids, superseding);
      }
    }
    // A written value with a payload holds it on the heap; caching it would pin a copy of what is
    // now on disk (the weigher counts blobs as handles). The first read decodes a file-backed one.
    for (StoredResult result : written) {
      if (result.status() == ResultStatus.SUCCEEDED && result.value().payloadBytes() == 0) {
        results.put(result.id(), result);
      } else {
        results.invalidate(result.id());
      }
    }
  }

  /**
   * Whether the success stored for {@code result}'s id already says what {@code result} says: the
   * same value, from the same inputs. Only values without payloads are compared (their equality is
   * cheap); a payload's blob is shared by content anyway, so a row is all a repeat costs.
   */
  private boolean sameAsStored(StoredResult result) {
    if (result.value().payloadBytes() > 0 || result.itemsCommitted()) {
      return false;
    }
    return get(result.id())
        .filter(stored -> stored.status() == ResultStatus.SUCCEEDED)
        .filter(stored -> stored.value().equals(result.value()))
        .filter(stored -> stored.metadata().inputs().equals(result.metadata().inputs()))
        .isPresent();
  }

  private StoredResult load(NodeId id) {
    RowAt at = rowAt(id);
    if (at == null) {
      return null;
    }
    return decoded(id, row(id, at));
  }

  /** The result that {@code row}, checked already, holds: its children read a segment at a time. */
  private StoredResult decoded(NodeId id, Group row) {
    Optional<BlobRef> blob = RowCodec.blobOf(row);
    if (blob.isPresent() && !blobs.exists(blob.get())) {
      throw new StoreException("blob " + blob.get().sha256() + " of result " + id + " is missing");
    }
    if (blob.isPresent() && verifyBlobs && !blobs.verify(blob.get())) {
      blobs.quarantine(blob.get());
      throw new StoreException(
          "blob " + blob.get().sha256() + " of result " + id + " is corrupt; moved to quarantine");
    }
    Map<NodeId, Group> children = childRows(row);
    return codec.decode(
        row,
        child -> {
          Group read = children.get(child);
          return Optional.ofNullable(read != null ? decoded(child, read) : load(child));
        });
  }

  /**
   * The rows of {@code row}'s children, their checksums checked, read with one pass over each
   * segment's pages that hold them (see {@link RowReader#read(Path, PageMap, int[])}) rather than a
   * file opening per child: a warm read of a 10,000-item sequence took longer than computing it. A
   * child left out (not indexed, damaged, in a segment without a page map or whose pass failed) is
   * read alone by {@link #load}, which judges and reports it as it does any row: a row the pass
   * finds corrupt is remembered as damaged first, so it reads as absent there.
   */
  private Map<NodeId, Group> childRows(Group row) {
    List<String> ids = RowCodec.childIds(row);
    if (ids.size() < 2) {
      return Map.of();
    }
    Catalog current = catalog;
    Map<IndexedSegment, Map<Integer, NodeId>> bySegment = new HashMap<>();
    Map<NodeId, RowAt> locations = new HashMap<>();
    synchronized (this) {
      for (String hex : ids) {
        NodeId child = new NodeId(hex);
        RowAt at = rowAt(current, child);
        if (at != null && !damaged(at)) {
          bySegment.computeIfAbsent(at.segment(), key -> new TreeMap<>()).put(at.row(), child);
          locations.put(child, at);
        }
      }
    }
    Map<NodeId, Group> rows = new HashMap<>();
    bySegment.forEach(
        (segment, wanted) -> {
          if (segment.pages().isPresent()) {
            readChildren(segment, wanted, locations, rows);
          }
        });
    return rows;
  }

  private void readChildren(
      IndexedSegment segment,
      Map<Integer, NodeId> wanted,
      Map<NodeId, RowAt> locations,
      Map<NodeId, Group> rows) {
    int[] ordinals = wanted.keySet().stream().mapToInt(Integer::intValue).toArray();
    List<Group> read;
    try {
      read = RowReader.read(segment.path(), segment.pages().get(), ordinals);
    } catch (IOException e) {
      LOG.debug("reading {} rows of {} in one pass failed: {}", ordinals.length, segment.path(), e);
      return;
    }
    for (int i = 0; i < ordinals.length; i++) {
      NodeId child = wanted.get(ordinals[i]);
      Group group = read.get(i);
      if (group == null) {
        continue;
      }
      if (!RowChecksum.intact(group)) {
        damagedRows.add(locations.get(child).key());
      } else if (group.getString(SegmentSchema.NODE_ID, 0).equals(child.hex())) {
        rows.put(child, group);
      }
    }
  }

  /**
   * Loads segments committed since the last listing. Unless forced, lists the directory only when
   * it may have changed. Cached results that a newer row of the same id now stands for are dropped
   * after the store's lock is released: a thread loading one of them holds the cache's entry while
   * it waits for that lock.
   *
   * @return whether new segments were found
   */
  private boolean refresh(boolean force) {
    List<NodeId> superseded = new ArrayList<>();
    boolean found = refresh(force, superseded);
    superseded.forEach(results::invalidate);
    return found;
  }

  /**
   * As {@link #refresh(boolean)}, adding to {@code superseded} the ids whose cached results are to
   * be dropped instead of dropping them, so that it can run under the store's lock.
   */
  private boolean refresh(boolean force, List<NodeId> superseded) {
    return refresh(force, null, superseded);
  }

  /** As above, indexing into {@code target} (the current catalog if null). */
  private boolean refresh(boolean force, Catalog target, List<NodeId> superseded) {
    try {
      FileTime modified = Files.getLastModifiedTime(layout.segments());
      boolean recent =
          System.currentTimeMillis() - modified.toMillis() < TIMESTAMP_GRANULARITY_MILLIS;
      if (!force && !recent && modified.equals(lastListing)) {
        return false;
      }
      // Recorded once the listing is indexed, not before: a thread that finds them recorded may
      // rely on the index holding everything the listing found.
      synchronized (this) {
        boolean found = indexNewSegments(target == null ? catalog : target, superseded);
        lastListing = interruptedRead ? FileTime.fromMillis(0) : modified;
        interruptedRead = false;
        return found;
      }
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new StoreException("cannot list " + layout.segments() + ": " + e.getMessage(), e);
    }
  }

  private synchronized boolean indexNewSegments(Catalog target, List<NodeId> superseded)
      throws IOException {
    // A compaction writes its merged segment before it deletes the ones it replaces: when a listed
    // segment vanished before it was read, a new listing holds the segment its rows moved to.
    boolean found = false;
    for (int listing = 0; listing < MAX_LISTINGS; listing++) {
      IndexedListing indexed = indexListedSegments(target, superseded);
      found |= indexed.found();
      if (!indexed.vanished()) {
        break;
      }
    }
    return found;
  }

  /** What indexing one listing of the segments did. */
  private record IndexedListing(boolean found, boolean vanished) {}

  private IndexedListing indexListedSegments(Catalog target, List<NodeId> superseded)
      throws IOException {
    List<Path> fresh = new ArrayList<>();
    try (Stream<Path> listing = Files.list(layout.segments())) {
      listing.filter(SegmentFiles::isSegment).sorted().forEach(fresh::add);
    }
    boolean found = false;
    boolean vanished = false;
    for (Path segment : fresh) {
      if (target.known.contains(segment.getFileName().toString())) {
        continue;
      }
      Optional<SegmentIndexFile.Rows> indexed = SegmentIndexFile.read(layout, segment);
      if (indexed.isPresent()) {
        target.known.add(segment.getFileName().toString());
        superseded.addAll(register(target, segment, indexed.get()));
        found = true;
        continue;
      }
      try {
        SegmentFiles.Read read = SegmentFiles.read(segment, SegmentSchema.INDEX_PROJECTION, true);
        target.known.add(segment.getFileName().toString());
        List<Group> rows = new ArrayList<>(read.rows().size());
        List<NodeId> ids = new ArrayList<>(read.rows().size());
        List<Integer> ordinals = new ArrayList<>(read.rows().size());
        for (int i = 0; i < read.rows().size(); i++) {
          Group row = read.rows().get(i);
          String id = row.getString(SegmentSchema.NODE_ID, 0);
          if (NodeId.isValid(id)) {
            rows.add(row);
            ids.add(new NodeId(id));
            ordinals.add(i);
          } else {
            LOG.warn(
                "skipping row {} of segment {}: its node id is corrupt; run verify --repair",
                i,
                segment);
          }
        }
        superseded.addAll(
            register(
                target, new IndexedSegment(segment, read.pages()), rows, ids, ordinals, Set.of()));
        found = true;
      } catch (NoSuchFileException e) {
        LOG.debug("segment {} vanished while listing (compacted elsewhere)", segment);
        vanished = true;
      } catch (IOException | RuntimeException e) {
        if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
          // The reading thread was interrupted (a run cancelled): the segment is not at fault,
          // and the next refresh lists it again.
          interruptedRead = true;
          continue;
        }
        if (!Files.exists(segment)) {
          LOG.debug("segment {} vanished while it was read (compacted elsewhere)", segment);
          vanished = true;
          continue;
        }
        target.known.add(segment.getFileName().toString());
        LOG.warn(
            "skipping unreadable segment {} (run verify --repair): {}", segment, e.getMessage());
      }
    }
    return new IndexedListing(found, vanished);
  }

  /**
   * Indexes the rows of a segment. Rows of {@code superseding} ids replace the row indexed so far
   * (a success whose blob went missing), whatever their time; otherwise the index keeps the row
   * that counts (see {@link ResultIndex#put}).
   *
   * @return the ids whose indexed row changed, whose cached results are to be dropped
   */
  private synchronized List<NodeId> register(
      Catalog target,
      IndexedSegment segment,
      List<Group> rows,
      List<NodeId> ids,
      Set<NodeId> superseding) {
    return register(target, segment, rows, ids, null, superseding);
  }

  /** As above, the rows being at {@code ordinals} in the segment (all of them if null). */
  private synchronized List<NodeId> register(
      Catalog target,
      IndexedSegment segment,
      List<Group> rows,
      List<NodeId> ids,
      List<Integer> ordinals,
      Set<NodeId> superseding) {
    List<NodeId> changed = new ArrayList<>();
    ResultIndex index = target.index;
    int ordinal = target.segments.size();
    target.segments.add(segment);
    for (int k = 0; k < rows.size(); k++) {
      int i = ordinals == null ? k : ordinals.get(k);
      Group row = rows.get(k);
      NodeId id = ids.get(k);
      boolean failed = RowCodec.status(row) == ResultStatus.FAILED;
      boolean hasBlob = RowCodec.hasBlob(row);
      long createdAt = row.getLong(SegmentSchema.CREATED_AT, 0);
      ResultIndex.Location before = index.get(id);
      if (superseding.contains(id)) {
        index.replace(id, ordinal, i, failed, hasBlob, createdAt);
      } else {
        index.put(id, ordinal, i, failed, hasBlob, createdAt);
      }
      if (before != null && !before.equals(index.get(id))) {
        changed.add(id);
      }
    }
    return changed;
  }

  /** As above, for the rows of a segment as its {@link SegmentIndexFile} records them. */
  private synchronized List<NodeId> register(
      Catalog target, Path segment, SegmentIndexFile.Rows rows) {
    List<NodeId> changed = new ArrayList<>();
    ResultIndex index = target.index;
    int ordinal = target.segments.size();
    target.segments.add(new IndexedSegment(segment, Optional.of(rows.pages())));
    for (int i = 0; i < rows.size(); i++) {
      long high = rows.high(i);
      long low = rows.low(i);
      ResultIndex.Location before = index.get(high, low);
      index.put(high, low, ordinal, i, rows.failed(i), rows.hasBlob(i), rows.createdAt()[i]);
      if (before != null && !before.equals(index.get(high, low))) {
        changed.add(rows.id(i));
      }
    }
    return changed;
  }

  private List<Group> readSegment(Path path) {
    try {
      return SegmentFiles.read(path, SegmentSchema.RESULT);
    } catch (NoSuchFileException e) {
      // Not reindexed here: this runs inside a cache's loader, which must not clear the caches.
      // get() reindexes and reads once more.
      throw new UncheckedIOException("segment " + path + " was compacted away", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Indexes the directory again from nothing, after a compaction or an eviction (here or in another
   * process) moved rows to new files: into a new catalog, swapped in once it is whole, so that
   * readers meanwhile use the old one. The caches are emptied after the lock is released: a thread
   * loading a result holds its cache entry while it waits for the lock, so emptying them under it
   * deadlocks (as a compaction at the end of a server's run did, against its reads).
   */
  public void reindex() {
    synchronized (this) {
      Catalog fresh = new Catalog();
      refresh(true, fresh, new ArrayList<>());
      catalog = fresh;
    }
    segmentRows.invalidateAll();
    results.invalidateAll();
  }

  /**
   * Where {@code id} is indexed. The index is read without this store's lock, and a reindex empties
   * it and fills it again under the lock, so a miss is confirmed under the lock before any lookup
   * answers that the store does not hold a result.
   */
  private ResultIndex.Location location(NodeId id) {
    ResultIndex.Location location = catalog.index.get(id);
    return location != null ? location : locate(id);
  }

  private synchronized ResultIndex.Location locate(NodeId id) {
    return catalog.index.get(id);
  }

  /**
   * Where {@code id}'s row is, its location and its segment taken from one catalog: a reindex
   * (after a compaction) renumbers the segments, so a location read from one catalog names another
   * segment, or none, in the next. Null if {@code id} is not indexed; a miss is confirmed under the
   * lock, as {@link #location} does.
   */
  private RowAt rowAt(NodeId id) {
    Catalog current = catalog;
    ResultIndex.Location location = current.index.get(id);
    synchronized (this) {
      return location != null ? rowAt(current, location) : rowAt(catalog, id);
    }
  }

  /** As above, in {@code from}; called under the lock, which guards its segment list. */
  private RowAt rowAt(Catalog from, NodeId id) {
    ResultIndex.Location location = from.index.get(id);
    return location == null ? null : rowAt(from, location);
  }

  private static RowAt rowAt(Catalog from, ResultIndex.Location location) {
    return new RowAt(from.segments.get(location.segment()), location);
  }

  /** Segment files this store has indexed, oldest first. */
  public synchronized List<Path> segmentFiles() {
    return catalog.segments.stream().map(IndexedSegment::path).toList();
  }

  /** Hit, miss and load statistics of the decoded-result cache. */
  public CacheStats cacheStats() {
    return results.stats();
  }

  /** Estimated bytes the decoded-result cache holds now; never above its budget for long. */
  public long cachedBytes() {
    return results
        .policy()
        .eviction()
        .map(eviction -> eviction.weightedSize().orElse(0L))
        .orElse(0L);
  }

  /** Results indexed (rows of distinct ids, children included). */
  public int indexedResults() {
    return catalog.index.size();
  }

  @Override
  public StoreStats stats() {
    return StoreInspector.stats(this);
  }

  /** When each result was last read through this store, for eviction by last access. */
  AccessLog accessLog() {
    return accessLog;
  }

  /** Claims as byte-range locks on {@code claims.lock}, shared by every process on the store. */
  @Override
  public WorkClaims claims() {
    return claims;
  }

  /**
   * The lock held while compacting, so that processes ending runs at once do not all merge the same
   * segments; empty while another holds it.
   */
  public Optional<WorkClaims.Claim> compactionLock() {
    return claims.tryLockCompaction();
  }

  /**
   * Releases the claims and writes the access log. The caches are left to go with the store: they
   * hold decoded values only, and emptying them entry by entry took a fifth of a second at the end
   * of a run that had cached 200,000 results.
   */
  @Override
  public void close() {
    claims.close();
    accessLog.flush();
  }

  /**
   * A segment as the index knows it: its file and, if its rows can be read one at a time, its page
   * map (otherwise it is decoded whole, through the segment cache).
   */
  private record IndexedSegment(Path path, Optional<PageMap> pages) {}

  /** A row as one catalog locates it: the segment holding it and where in it. */
  private record RowAt(IndexedSegment segment, ResultIndex.Location location) {
    Path path() {
      return segment.path();
    }

    int row() {
      return location.row();
    }

    /** How {@link #damagedRows} names the row, whatever the catalog: segment file name#row. */
    String key() {
      return segment.path().getFileName() + "#" + location.row();
    }
  }

  /**
   * What the store has indexed: the segments, in the order the index's ordinals refer to, their
   * file names, and the index over their rows. A reindex fills a new one and swaps it in, so a
   * reader never finds the index half filled (a newer row's id still at its older row).
   */
  private static final class Catalog {
    final ResultIndex index = new ResultIndex();
    final List<IndexedSegment> segments = new ArrayList<>();
    final Set<String> known = new HashSet<>();
  }
}
