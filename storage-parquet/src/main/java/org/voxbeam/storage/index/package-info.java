/**
 * Where each stored result is: {@link org.voxbeam.storage.index.ResultIndex}, node id to segment
 * and row, with the result's status and creation time, for the row of each id that counts.
 *
 * <p>It is the store's only memory per result, so it is a package of its own with a compact,
 * private representation (primitive arrays keyed by a 128-bit id prefix, about 60 bytes per
 * result), used only by {@link org.voxbeam.storage.ParquetResultStore}. Rules: no object per entry,
 * since a million results must stay within tens of megabytes; lookups stay lock-free in the common
 * case (optimistic reads) and only inserts take the write lock.
 */
package org.voxbeam.storage.index;
