package org.voxbeam.benchmarks.store;

/**
 * One round's nanoseconds for moving the same blobs.
 *
 * @param plainWrite {@code Files.write} of each blob to its own file
 * @param storeWrite {@code putAll} of the blobs as bytes results
 * @param hash SHA-256 of the same bytes in memory: the part of the store's work no baseline does
 * @param plainRead {@code Files.readAllBytes} of each file
 * @param storeReadVerified {@code get} plus reading the blob, on a store that re-hashes blobs when
 *     it loads a result (the default)
 * @param storeRead the same on a store that does not
 */
record BlobRound(
    long plainWrite,
    long storeWrite,
    long hash,
    long plainRead,
    long storeReadVerified,
    long storeRead) {}
