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
 */
public record StoreOptions(
    long cacheBytes, long segmentCacheRows, boolean verifyBlobsOnRead, Durability durability) {
  public StoreOptions {
    if (cacheBytes < 0 || segmentCacheRows < 0) {
      throw new IllegalArgumentException("cache sizes must not be negative");
    }
    java.util.Objects.requireNonNull(durability, "durability");
  }

  /** 256 MB of results, 100,000 segment rows, blobs verified on read, files synced. */
  public static StoreOptions defaults() {
    return new StoreOptions(256L << 20, 100_000, true, Durability.FSYNC);
  }

  public StoreOptions withCacheBytes(long bytes) {
    return new StoreOptions(bytes, segmentCacheRows, verifyBlobsOnRead, durability);
  }

  public StoreOptions withVerifyBlobsOnRead(boolean verify) {
    return new StoreOptions(cacheBytes, segmentCacheRows, verify, durability);
  }

  public StoreOptions withDurability(Durability sync) {
    return new StoreOptions(cacheBytes, segmentCacheRows, verifyBlobsOnRead, sync);
  }
}
