package org.voxbeam.benchmarks.store;

/**
 * One round's nanoseconds for committing the same number results, batch by batch.
 *
 * @param store one {@code putAll} per batch on a fresh store
 * @param plainParquet {@link PlainParquetRows}, one file per batch (the baseline)
 * @param plainBinary {@link PlainBinaryRows}, one file per batch
 * @param encode the store's row encoding alone ({@code RowCodec.encode}), no file
 * @param segmentWrite the store's segment writing alone ({@code SegmentFiles.write} of rows encoded
 *     beforehand)
 */
record RowRound(long store, long plainParquet, long plainBinary, long encode, long segmentWrite) {}
