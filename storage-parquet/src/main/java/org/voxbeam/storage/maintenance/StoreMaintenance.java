package org.voxbeam.storage.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.voxbeam.kernel.store.ResultStatus;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.WorkClaims;
import org.voxbeam.storage.AccessLog;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.blob.BlobRef;
import org.voxbeam.storage.blob.BlobStore;
import org.voxbeam.storage.segment.RowCodec;
import org.voxbeam.storage.segment.RowCopy;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentManifest;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * Keeping a store healthy and bounded: {@code verify} checks every row against its checksum, every
 * segment against the manifest, re-hashes every blob and checks every reference (and with {@code
 * --repair} quarantines damaged segments, keeping their intact rows), {@code gc} removes
 * unreferenced blobs and leftover temporary files, {@code compact} merges small segments, and
 * {@code evict} drops results by age or to fit a size. Every operation except verify has a dry run
 * that reports without changing anything.
 *
 * <p>Segments are immutable, so compaction and eviction write new segments first and only then
 * delete the old ones; other processes notice the change and re-index. Blobs are removed only by
 * gc, and only when no row in any segment references them and they are older than a grace period (a
 * writer may have stored a blob whose segment it has not committed yet).
 */
public final class StoreMaintenance implements PersistentStore {
  /** Files younger than this may belong to a writer that is still working. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

  /** Segments with fewer rows than this are merged by {@link #compact}. */
  public static final int DEFAULT_SMALL_ROWS = 10_000;

  private final ParquetResultStore store;
  private final StoreLayout layout;
  private final BlobStore blobs;

  public StoreMaintenance(ParquetResultStore store) {
    this.store = store;
    this.layout = store.layout();
    this.blobs = new BlobStore(layout);
  }

  @Override
  public Path directory() {
    return layout.root();
  }

  @Override
  public StoreStats stats() {
    return store.stats();
  }

  @Override
  public int segmentCount() {
    return store.segmentFiles().size();
  }

  @Override
  public double cacheHitRate() {
    return store.cacheStats().hitRate();
  }

  @Override
  public long cachedBytes() {
    return store.cachedBytes();
  }

  /**
   * Checks the store and reports what is wrong, changing nothing but quarantining corrupt blobs.
   */
  public VerifyReport verify() {
    return verify(false);
  }

  /**
   * Checks every segment (each row against its checksum, each file against its manifest entry), the
   * manifest against the segments, every blob against its hash and every child reference. Corrupt
   * blobs are moved to quarantine either way. With {@code repair}, a damaged segment is replaced by
   * a segment of its intact rows and moved to {@code quarantine/}, and manifest entries of segments
   * that are gone are dropped: the results they held read as absent and are computed again when
   * needed.
   */
  @Override
  public VerifyReport verify(boolean repair) {
    List<String> problems = new ArrayList<>();
    List<String> repairs = new ArrayList<>();
    Map<String, SegmentManifest.Entry> manifest = manifest();
    List<Path> files = segmentFiles();
    Set<String> present = new HashSet<>();
    files.forEach(file -> present.add(file.getFileName().toString()));
    for (String listed : manifest.keySet()) {
      if (!present.contains(listed)) {
        problems.add(
            "segment "
                + listed
                + " is in the manifest but missing (deleted); its results are computed again when needed");
        if (repair) {
          removeFromManifest(listed);
          repairs.add("removed missing segment " + listed + " from the manifest");
        }
      }
    }
    List<SegmentCheck> checks = new ArrayList<>();
    long unchecked = 0;
    boolean repaired = false;
    for (Path file : files) {
      String name = file.getFileName().toString();
      SegmentCheck check = SegmentCheck.of(file, Optional.ofNullable(manifest.get(name)));
      checks.add(check);
      unchecked += check.uncheckedRows();
      if (check.damaged()) {
        problems.add("segment " + name + " is damaged: " + String.join("; ", check.damage()));
        if (repair) {
          quarantine(check);
          repaired = true;
          repairs.add(
              "moved segment "
                  + name
                  + " to quarantine, keeping its "
                  + check.intactRows().size()
                  + " intact rows");
        }
      }
    }
    Set<String> ids = new HashSet<>();
    checks.forEach(
        check ->
            check.intactRows().forEach(row -> ids.add(row.getString(SegmentSchema.NODE_ID, 0))));
    Map<String, Boolean> blobHealth = new HashMap<>();
    long rows = 0;
    for (SegmentCheck check : checks) {
      for (Group row : check.intactRows()) {
        rows++;
        String id = row.getString(SegmentSchema.NODE_ID, 0);
        Optional<BlobRef> blob = RowCodec.blobOf(row);
        if (blob.isPresent()) {
          BlobRef ref = blob.get();
          Boolean known = blobHealth.get(ref.sha256());
          if (known == null) {
            blobHealth.put(ref.sha256(), checkBlob(ref, id, problems));
          } else if (!known) {
            problems.add("result " + id + " references damaged blob " + ref.sha256());
          }
        }
        for (String child : RowCodec.childIds(row)) {
          if (!ids.contains(child)) {
            problems.add("result " + id + " references child " + child + ", which is not stored");
          }
        }
      }
    }
    if (repaired) {
      store.reindex();
    }
    return new VerifyReport(files.size(), rows, blobHealth.size(), unchecked, problems, repairs);
  }

  /**
   * Replaces a damaged segment: its intact rows are written to a new segment first, then the
   * damaged file leaves the manifest and moves to {@code quarantine/}, kept for inspection.
   */
  private void quarantine(SegmentCheck check) {
    if (!check.intactRows().isEmpty()) {
      SegmentFiles.write(layout, check.intactRows().stream().map(RowCopy::toCurrent).toList());
    }
    String name = check.file().getFileName().toString();
    removeFromManifest(name);
    try {
      Files.createDirectories(layout.quarantine());
      Files.move(check.file(), layout.quarantine().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException alreadyMoved) {
      // Another process repaired it first; its rows are stored twice, which is harmless.
    } catch (IOException e) {
      throw StoreException.io("quarantine damaged segment", check.file(), e);
    }
  }

  private boolean checkBlob(BlobRef ref, String id, List<String> problems) {
    if (!blobs.exists(ref)) {
      problems.add(
          "blob " + ref.sha256() + " of result " + id + " is missing or has the wrong size");
      return false;
    }
    if (!blobs.verify(ref)) {
      blobs.quarantine(ref);
      problems.add(
          "blob " + ref.sha256() + " of result " + id + " is corrupt; moved to quarantine");
      return false;
    }
    return true;
  }

  private Map<String, SegmentManifest.Entry> manifest() {
    try {
      return SegmentManifest.entries(layout);
    } catch (IOException e) {
      throw StoreException.io("read the manifest", layout.manifest(), e);
    }
  }

  private void removeFromManifest(String segmentName) {
    try {
      SegmentManifest.remove(layout, segmentName);
    } catch (IOException e) {
      throw StoreException.io("update the manifest", layout.manifest(), e);
    }
  }

  @Override
  public GcReport gc(Duration grace, boolean dryRun) {
    Instant cutoff = Instant.now().minus(grace);
    Set<String> live = new HashSet<>();
    List<String> warnings = new ArrayList<>();
    for (Path segment : segmentFiles()) {
      try {
        for (Group row : SegmentFiles.read(segment, SegmentSchema.STATS_PROJECTION)) {
          RowCodec.blobOf(row).ifPresent(ref -> live.add(ref.sha256()));
        }
      } catch (IOException | RuntimeException e) {
        warnings.add(
            "segment "
                + segment.getFileName()
                + " cannot be read, so no blob is removed; run store verify --repair");
      }
    }
    boolean collectBlobs = warnings.isEmpty();
    long blobsRemoved = 0;
    long temporaryRemoved = 0;
    long bytes = 0;
    try {
      for (Path file : blobs.listFiles()) {
        if (collectBlobs && !live.contains(BlobStore.nameOf(file)) && olderThan(file, cutoff)) {
          bytes += Files.size(file);
          blobsRemoved++;
          if (!dryRun) {
            Files.deleteIfExists(file);
          }
        }
      }
      for (Path file : list(layout.tmp())) {
        if (olderThan(file, cutoff)) {
          bytes += Files.size(file);
          temporaryRemoved++;
          if (!dryRun) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw StoreException.io("collect garbage under", layout.root(), e);
    }
    return new GcReport(dryRun, blobsRemoved, temporaryRemoved, bytes, warnings);
  }

  /** Merges every segment with fewer than {@code smallRows} rows into one. */
  @Override
  public CompactReport compact(int smallRows, boolean dryRun) {
    List<SegmentRows> small = new ArrayList<>();
    List<SegmentRows> damaged = new ArrayList<>();
    for (Path file : segmentFiles()) {
      SegmentCheck check = SegmentCheck.of(file, Optional.empty());
      SegmentRows segment = new SegmentRows(file, check.intactRows());
      if (check.damaged()) {
        damaged.add(segment);
        small.add(segment);
      } else if (segment.rows().size() < smallRows) {
        small.add(segment);
      }
    }
    if (small.size() < 2 && damaged.isEmpty()) {
      return new CompactReport(dryRun, 0, 0, 0);
    }
    List<Group> merged = bestRowPerId(small);
    long total = small.stream().mapToLong(segment -> segment.rows().size()).sum();
    if (!dryRun) {
      replaceSegments(small, merged.isEmpty() ? List.of() : List.of(merged), damaged);
    }
    return new CompactReport(dryRun, small.size(), merged.size(), total - merged.size());
  }

  /**
   * Merges the segments smaller than {@code smallBytes} into one, if there are at least {@code
   * atLeast} of them: what a run does when it ends, so that many small runs (each commits a few
   * segments) leave a bounded number of files. Only the small segments are read; while another
   * process compacts the store, this does nothing.
   */
  @Override
  public CompactReport compactSmall(long smallBytes, int atLeast) {
    if (smallSegments(layout, smallBytes).size() < atLeast) {
      return new CompactReport(false, 0, 0, 0);
    }
    Optional<WorkClaims.Claim> lock = store.compactionLock();
    if (lock.isEmpty()) {
      return new CompactReport(false, 0, 0, 0);
    }
    try (WorkClaims.Claim held = lock.get()) {
      List<SegmentRows> small = new ArrayList<>();
      for (Path file : smallSegments(layout, smallBytes)) {
        try {
          small.add(new SegmentRows(file, SegmentFiles.read(file, SegmentSchema.RESULT)));
        } catch (NoSuchFileException vanished) {
          // Compacted by another process since the listing.
        } catch (IOException e) {
          // An unreadable segment is verify's to report; it stays as it is.
        }
      }
      if (small.size() < 2) {
        return new CompactReport(false, 0, 0, 0);
      }
      List<Group> merged = bestRowPerId(small);
      long total = small.stream().mapToLong(segment -> segment.rows().size()).sum();
      replaceSegments(small, List.of(merged), List.of());
      return new CompactReport(false, small.size(), merged.size(), total - merged.size());
    }
  }

  /** The segment files of {@code layout} smaller than {@code smallBytes}: one listing, no reads. */
  public static List<Path> smallSegments(StoreLayout layout, long smallBytes) {
    List<Path> small = new ArrayList<>();
    try {
      for (Path file : list(layout.segments())) {
        if (SegmentFiles.isSegment(file) && sizeOrMax(file) < smallBytes) {
          small.add(file);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + layout.segments() + ": " + e.getMessage(), e);
    }
    small.sort(null);
    return small;
  }

  private static long sizeOrMax(Path file) {
    try {
      return Files.size(file);
    } catch (IOException vanished) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public EvictReport evict(EvictionPolicy policy, Duration grace, boolean dryRun) {
    List<SegmentRows> segments = readSegments(new ArrayList<>());
    Map<String, Long> lastAccess;
    try {
      lastAccess = AccessLog.readAll(layout);
    } catch (IOException e) {
      throw new StoreException(
          "cannot read access times under " + layout.access() + ": " + e.getMessage(), e);
    }
    Set<String> victims = selectVictims(segments, policy, lastAccess);
    List<SegmentRows> affected = new ArrayList<>();
    List<List<Group>> replacements = new ArrayList<>();
    for (SegmentRows segment : segments) {
      List<Group> kept = new ArrayList<>();
      for (Group row : segment.rows()) {
        if (!victims.contains(row.getString(SegmentSchema.NODE_ID, 0))) {
          kept.add(row);
        }
      }
      if (kept.size() != segment.rows().size()) {
        affected.add(segment);
        if (!kept.isEmpty()) {
          replacements.add(kept);
        }
      }
    }
    if (!dryRun && !affected.isEmpty()) {
      replaceSegments(affected, replacements, List.of());
    }
    return new EvictReport(dryRun, victims.size(), affected.size(), gc(grace, dryRun));
  }

  private Set<String> selectVictims(
      List<SegmentRows> segments, EvictionPolicy policy, Map<String, Long> lastAccess) {
    long now = System.currentTimeMillis();
    Map<String, Group> rowsById = new LinkedHashMap<>();
    for (Group row : bestRowPerId(segments)) {
      rowsById.put(row.getString(SegmentSchema.NODE_ID, 0), row);
    }
    Map<String, Long> age = new HashMap<>();
    for (Map.Entry<String, Group> entry : rowsById.entrySet()) {
      long created = entry.getValue().getLong("created_at", 0);
      long reference =
          policy.basis() == EvictionPolicy.Basis.LAST_ACCESS
              ? Math.max(created, lastAccess.getOrDefault(entry.getKey(), created))
              : created;
      age.put(entry.getKey(), now - reference);
    }
    Set<String> victims = new HashSet<>();
    policy
        .maxAge()
        .ifPresent(
            maxAge ->
                age.forEach(
                    (id, millis) -> {
                      if (millis > maxAge.toMillis()) {
                        victims.add(id);
                      }
                    }));
    if (policy.maxBytes().isPresent()) {
      long bytes = storeBytes();
      long limit = policy.maxBytes().getAsLong();
      List<String> oldestFirst = new ArrayList<>(age.keySet());
      oldestFirst.sort(
          Comparator.comparing((String id) -> age.get(id)).reversed().thenComparing(id -> id));
      for (String id : oldestFirst) {
        if (bytes <= limit) {
          break;
        }
        if (victims.add(id)) {
          bytes -= estimatedBytes(rowsById.get(id));
        }
      }
    }
    return withDescendants(victims, rowsById);
  }

  /** Children of evicted results have no owner left; they go too. */
  private static Set<String> withDescendants(Set<String> victims, Map<String, Group> rowsById) {
    Set<String> all = new HashSet<>(victims);
    Deque<String> pending = new ArrayDeque<>(victims);
    while (!pending.isEmpty()) {
      Group row = rowsById.get(pending.pop());
      if (row == null) {
        continue;
      }
      for (String child : RowCodec.childIds(row)) {
        if (all.add(child)) {
          pending.push(child);
        }
      }
    }
    return all;
  }

  private static long estimatedBytes(Group row) {
    return 200 + RowCodec.blobOf(row).map(BlobRef::size).orElse(0L);
  }

  private long storeBytes() {
    long bytes = 0;
    try {
      for (Path segment : segmentFiles()) {
        bytes += Files.size(segment);
      }
      for (Path blob : blobs.listFiles()) {
        bytes += Files.size(blob);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes;
  }

  /**
   * For each id, the row that counts, as the store's index picks it: its newest success if it has
   * one, else its newest failure (older rows were superseded by recomputations).
   */
  private static List<Group> bestRowPerId(List<SegmentRows> segments) {
    Map<String, Group> best = new LinkedHashMap<>();
    for (SegmentRows segment : segments) {
      for (Group row : segment.rows()) {
        String id = row.getString(SegmentSchema.NODE_ID, 0);
        Group existing = best.get(id);
        if (existing == null || counts(row, existing)) {
          best.put(id, row);
        }
      }
    }
    return new ArrayList<>(best.values());
  }

  /** Whether {@code row} counts rather than {@code existing}, read before it. */
  private static boolean counts(Group row, Group existing) {
    boolean failed = RowCodec.status(row) == ResultStatus.FAILED;
    boolean existingFailed = RowCodec.status(existing) == ResultStatus.FAILED;
    if (failed != existingFailed) {
      return existingFailed;
    }
    return row.getLong(SegmentSchema.CREATED_AT, 0)
        >= existing.getLong(SegmentSchema.CREATED_AT, 0);
  }

  /** Writes the replacement segments, then deletes the old ones, then re-indexes. */
  /**
   * Writes the replacement segments, then removes the old ones (each from the manifest first; the
   * {@code damaged} among them to quarantine rather than deleted), then re-indexes.
   */
  private void replaceSegments(
      List<SegmentRows> old, List<List<Group>> replacements, List<SegmentRows> damaged) {
    for (List<Group> rows : replacements) {
      SegmentFiles.write(layout, rows.stream().map(RowCopy::toCurrent).toList());
    }
    for (SegmentRows segment : old) {
      String name = segment.file().getFileName().toString();
      removeFromManifest(name);
      try {
        if (damaged.contains(segment)) {
          Files.createDirectories(layout.quarantine());
          Files.move(
              segment.file(),
              layout.quarantine().resolve(name),
              StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(segment.file());
        }
      } catch (NoSuchFileException gone) {
        // Another process replaced it first.
      } catch (IOException e) {
        throw StoreException.io("remove replaced segment", segment.file(), e);
      }
    }
    store.reindex();
  }

  private List<SegmentRows> readSegments(List<String> problems) {
    List<SegmentRows> segments = new ArrayList<>();
    for (Path file : segmentFiles()) {
      try {
        segments.add(new SegmentRows(file, SegmentFiles.read(file, SegmentSchema.RESULT)));
      } catch (IOException e) {
        problems.add(
            "segment " + file.getFileName() + " is unreadable: " + StoreException.reason(e));
      }
    }
    return segments;
  }

  private List<Path> segmentFiles() {
    try {
      return list(layout.segments()).stream().filter(SegmentFiles::isSegment).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + layout.segments() + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isRegularFile).toList();
    }
  }

  private static boolean olderThan(Path file, Instant cutoff) throws IOException {
    return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
  }
}
