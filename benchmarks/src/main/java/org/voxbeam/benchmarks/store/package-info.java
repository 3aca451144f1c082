/**
 * The {@code store} benchmark: the Parquet result store's blob throughput, row commits, open time
 * and point-lookup latency, each against the plain thing it is built from ({@code Files.write}, a
 * plain Parquet writer, a naive id index, a {@code HashMap}). Start at {@link
 * org.voxbeam.benchmarks.store.StoreCommand}; each measurement is a package-private benchmark class
 * with the baseline beside it.
 *
 * <p>Uses {@link org.voxbeam.storage.ParquetResultStore} and, to attribute the cost of a commit,
 * the store's public segment classes. Rules: inputs are built and ids computed before the clock
 * starts; results are deterministic (ids derive from a family name and an index, so nothing is kept
 * in memory that would distort heap figures); the sides take turns going first.
 */
package org.voxbeam.benchmarks.store;
