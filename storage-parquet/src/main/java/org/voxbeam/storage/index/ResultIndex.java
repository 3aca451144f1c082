package org.voxbeam.storage.index;

import java.util.HexFormat;
import java.util.concurrent.locks.StampedLock;
import org.voxbeam.kernel.node.NodeId;

/**
 * Where each stored result is: node id to (segment, row), whether it succeeded and when it was
 * stored, for the row of each id that counts (the newest success, else the newest failure). Kept
 * compact because it is the store's only per-result memory: an open-addressing table of primitive
 * arrays keyed by the first 128 bits of the id (about 60 bytes per result), so a million results
 * take tens of megabytes. A 128-bit prefix collision is astronomically unlikely, and readers check
 * the full id in the row anyway.
 *
 * <p>Lookups are lock-free in the common case (optimistic reads of a {@link StampedLock}); inserts
 * take the write lock.
 */
public final class ResultIndex {
  private static final float MAX_LOAD = 0.6f;

  private final StampedLock lock = new StampedLock();
  private long[] high;
  private long[] low;
  private int[] segment;
  private int[] row;
  private boolean[] failed;
  private boolean[] blob;
  private long[] createdAt;
  private boolean[] used;
  private int size;

  public ResultIndex() {
    allocate(1 << 12);
  }

  /**
   * A location in the store.
   *
   * @param hasBlob whether the row references a blob, whose presence decides if it is usable
   */
  public record Location(int segment, int row, boolean failed, boolean hasBlob) {}

  /**
   * Records a row, keeping the one that counts of two rows for the same id: a success beats a
   * failure, and between two of the same status the newer ({@code createdAtMillis}; on a tie, the
   * one recorded last). A newer success of an id is a recomputation after its recorded inputs
   * changed, so it supersedes the older one.
   */
  public void put(
      NodeId id,
      int segmentOrdinal,
      int rowOrdinal,
      boolean isFailure,
      boolean hasBlob,
      long createdAtMillis) {
    insert(id, segmentOrdinal, rowOrdinal, isFailure, hasBlob, createdAtMillis, false);
  }

  /**
   * Records a row for {@code id} in place of whatever row was recorded before, whatever the times:
   * a success replacing one that became unusable (its blob went missing).
   */
  public void replace(
      NodeId id,
      int segmentOrdinal,
      int rowOrdinal,
      boolean isFailure,
      boolean hasBlob,
      long createdAtMillis) {
    insert(id, segmentOrdinal, rowOrdinal, isFailure, hasBlob, createdAtMillis, true);
  }

  /**
   * As {@link #put(NodeId, int, int, boolean, boolean, long)}, for the id whose first 128 bits are
   * {@code high} and {@code low} (big-endian): how an index file, which keeps ids as bytes, records
   * its rows without making a string of each.
   */
  public void put(
      long high,
      long low,
      int segmentOrdinal,
      int rowOrdinal,
      boolean isFailure,
      boolean hasBlob,
      long createdAtMillis) {
    insert(high, low, segmentOrdinal, rowOrdinal, isFailure, hasBlob, createdAtMillis, false);
  }

  private void insert(
      NodeId id,
      int segmentOrdinal,
      int rowOrdinal,
      boolean isFailure,
      boolean hasBlob,
      long createdAtMillis,
      boolean overwrite) {
    insert(
        high(id),
        low(id),
        segmentOrdinal,
        rowOrdinal,
        isFailure,
        hasBlob,
        createdAtMillis,
        overwrite);
  }

  private void insert(
      long h,
      long l,
      int segmentOrdinal,
      int rowOrdinal,
      boolean isFailure,
      boolean hasBlob,
      long createdAtMillis,
      boolean overwrite) {
    long stamp = lock.writeLock();
    try {
      if (size + 1 > high.length * MAX_LOAD) {
        rehash(high.length * 2);
      }
      int slot = find(h, l);
      if (used[slot]) {
        boolean better =
            overwrite
                || (failed[slot] == isFailure ? createdAtMillis >= createdAt[slot] : failed[slot]);
        if (better) {
          segment[slot] = segmentOrdinal;
          row[slot] = rowOrdinal;
          failed[slot] = isFailure;
          blob[slot] = hasBlob;
          createdAt[slot] = createdAtMillis;
        }
        return;
      }
      used[slot] = true;
      high[slot] = h;
      low[slot] = l;
      segment[slot] = segmentOrdinal;
      row[slot] = rowOrdinal;
      failed[slot] = isFailure;
      blob[slot] = hasBlob;
      createdAt[slot] = createdAtMillis;
      size++;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Where {@code id}'s row is, or null. */
  public Location get(NodeId id) {
    return get(high(id), low(id));
  }

  /** Where the row of the id whose first 128 bits are {@code h} and {@code l} is, or null. */
  public Location get(long h, long l) {
    long stamp = lock.tryOptimisticRead();
    Location location = read(h, l);
    if (!lock.validate(stamp)) {
      stamp = lock.readLock();
      try {
        location = read(h, l);
      } finally {
        lock.unlockRead(stamp);
      }
    }
    return location;
  }

  private Location read(long h, long l) {
    long[] highs = high;
    long[] lows = low;
    boolean[] usedSlots = used;
    int mask = highs.length - 1;
    if (usedSlots.length != highs.length || lows.length != highs.length) {
      return null;
    }
    for (int slot = mix(h, l) & mask, probes = 0;
        probes < highs.length;
        slot = (slot + 1) & mask, probes++) {
      if (!usedSlots[slot]) {
        return null;
      }
      if (highs[slot] == h && lows[slot] == l) {
        int[] segments = segment;
        int[] rows = row;
        boolean[] failures = failed;
        boolean[] blobs = blob;
        if (slot >= segments.length
            || slot >= rows.length
            || slot >= failures.length
            || slot >= blobs.length) {
          return null;
        }
        return new Location(segments[slot], rows[slot], failures[slot], blobs[slot]);
      }
    }
    return null;
  }

  public int size() {
    long stamp = lock.readLock();
    try {
      return size;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private int find(long h, long l) {
    int mask = high.length - 1;
    int slot = mix(h, l) & mask;
    while (used[slot] && !(high[slot] == h && low[slot] == l)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void rehash(int capacity) {
    long[] oldHigh = high;
    long[] oldLow = low;
    int[] oldSegment = segment;
    int[] oldRow = row;
    boolean[] oldFailed = failed;
    boolean[] oldBlob = blob;
    long[] oldCreatedAt = createdAt;
    boolean[] oldUsed = used;
    allocate(capacity);
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldUsed[i]) {
        int slot = find(oldHigh[i], oldLow[i]);
        used[slot] = true;
        high[slot] = oldHigh[i];
        low[slot] = oldLow[i];
        segment[slot] = oldSegment[i];
        row[slot] = oldRow[i];
        failed[slot] = oldFailed[i];
        blob[slot] = oldBlob[i];
        createdAt[slot] = oldCreatedAt[i];
      }
    }
  }

  private void allocate(int capacity) {
    high = new long[capacity];
    low = new long[capacity];
    segment = new int[capacity];
    row = new int[capacity];
    failed = new boolean[capacity];
    blob = new boolean[capacity];
    createdAt = new long[capacity];
    used = new boolean[capacity];
  }

  private static int mix(long h, long l) {
    long x = h ^ (l * 0x9E3779B97F4A7C15L);
    return (int) (x ^ (x >>> 32));
  }

  static long high(NodeId id) {
    return HexFormat.fromHexDigitsToLong(id.hex(), 0, 16);
  }

  static long low(NodeId id) {
    return HexFormat.fromHexDigitsToLong(id.hex(), 16, 32);
  }
}
