package org.voxbeam.benchmarks.store;

/**
 * One round of opening the large store.
 *
 * @param storeNanos {@code ParquetResultStore.open}
 * @param storeHeapBytes heap the open store retains
 * @param baselineNanos {@link PlainIdIndex#read} of the same segments
 * @param baselineHeapBytes heap that index retains
 */
record OpenRound(
    long storeNanos, long storeHeapBytes, long baselineNanos, long baselineHeapBytes) {}
