package org.voxbeam.storage;

/**
 * How a store behaves in this process.
 *
 * @param cacheBytes memory budget of the decoded-result cache
 * @param segmentCacheRows how many decoded rows to keep of segments that are read whole (those
 *     without a page map, written by another tool); page-mapped segments are read a row at a time
 * @param verifyBlobsOnRead re-hash blob content while it is read, failing the read if it no longer
 *     matches its name
 * @param durability whether segments and blobs are synced to disk before they become visible
 * @param missRelistMillis how long after one listing a lookup of an unknown id may list the
 *     segments directory again; 0 lists whenever the directory may have changed. A process that
 *     knows when other processes' commits become relevant to it (a Beam worker, whose stage starts
 *     after the stages it reads have committed, and which calls {@link
 *     org.voxbeam.kernel.store.ResultStore#refresh} then) sets an interval, so that its many
 *     lookups of results not computed yet do not list a directory that its own commits keep
 *     changing
 */
public record StoreOptions(
    long cacheBytes,
    long segmentCacheRows,
    boolean verifyBlobsOnRead,
    Durability durability,
    long missRelistMillis) {
  public StoreOptions {
    if (cacheBytes < 0 || segmentCacheRows < 0) {
      throw new IllegalArgumentException("cache sizes must not be negative");
    }
    if (missRelistMillis < 0) {
      throw new IllegalArgumentException("the relisting interval must not be negative");
    }
    java.util.Objects.requireNonNull(durability, "durability");
  }

  /**
   * 256 MB of results, 100,000 segment rows, blobs verified on read, files synced, a lookup miss
   * lists the segments whenever they may have changed.
   */
  public static StoreOptions defaults() {
    return new StoreOptions(256L << 20, 100_000, true, Durability.FSYNC, 0);
  }

  public StoreOptions withCacheBytes(long bytes) {
    return new StoreOptions(
        bytes, segmentCacheRows, verifyBlobsOnRead, durability, missRelistMillis);
  }

  public StoreOptions withVerifyBlobsOnRead(boolean verify) {
    return new StoreOptions(cacheBytes, segmentCacheRows, verify, durability, missRelistMillis);
  }

  public StoreOptions withDurability(Durability sync) {
    return new StoreOptions(
        cacheBytes, segmentCacheRows, verifyBlobsOnRead, sync, missRelistMillis);
  }

  public StoreOptions withMissRelistMillis(long millis) {
    return new StoreOptions(cacheBytes, segmentCacheRows, verifyBlobsOnRead, durability, millis);
  }
}
