package org.voxbeam.storage.maintenance;

import java.nio.file.Path;
import java.time.Duration;
import org.voxbeam.kernel.store.StoreStats;

/**
 * A persistent result store as the ones who look after it see it: its statistics and the
 * maintenance operations behind {@code voxbeam store …} and the HTTP {@code /store} routes.
 *
 * <p>The Java API, CLI and HTTP server reach the store's maintenance through this interface rather
 * than through the Parquet classes, so how the store keeps its files can change without them.
 * Results are read and written through {@link org.voxbeam.kernel.store.ResultStore}, not here.
 */
public interface PersistentStore {

  /** The store's directory. */
  Path directory();

  /** Counts of results and bytes, by type. */
  StoreStats stats();

  /** Segment files the store has indexed. */
  int segmentCount();

  /** Share of lookups the decoded-result cache answered, 0 to 1 (1 before any lookup). */
  double cacheHitRate();

  /** Estimated bytes the decoded-result cache holds now. */
  long cachedBytes();

  /**
   * Checks every row, segment, blob and reference; with {@code repair}, damaged segments are
   * replaced by their intact rows and quarantined.
   */
  VerifyReport verify(boolean repair);

  /** Removes unreferenced blobs and leftover temporary files older than {@code grace}. */
  GcReport gc(Duration grace, boolean dryRun);

  /** Merges segments of fewer than {@code smallRows} rows into one. */
  CompactReport compact(int smallRows, boolean dryRun);

  /** Merges segments smaller than {@code smallBytes} once there are at least {@code atLeast}. */
  CompactReport compactSmall(long smallBytes, int atLeast);

  /** Removes results by age or to fit a size, then collects their blobs. */
  EvictReport evict(EvictionPolicy policy, Duration grace, boolean dryRun);
}
