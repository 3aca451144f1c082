/**
 * The result store as the engine sees it. {@link org.voxbeam.kernel.store.ResultStore} is the
 * contract (start there: batches, first success wins, streamed blobs, thread safety); a result is a
 * {@link org.voxbeam.kernel.store.StoredResult} with its {@link
 * org.voxbeam.kernel.store.ResultMetadata}, whose {@link org.voxbeam.kernel.store.RecordedInputs}
 * say what outside the store it was computed from and so whether it may be reused. {@link
 * org.voxbeam.kernel.store.InMemoryResultStore} is the store for tests, benchmarks and one-off
 * runs.
 *
 * <p>An interface at the module boundary: the scheduler and the Beam stages code against it and the
 * Parquet module implements it, so the engine's tests can run on the in-memory store. Rules: every
 * implementation keeps the whole contract (the in-memory store included, so code tested on it
 * behaves the same on disk); the records here are immutable; a field added to what a result records
 * is a store-format change and follows the version rule in docs/store-format.md.
 */
package org.voxbeam.kernel.store;
