/**
 * The persistent result store: a directory of immutable Parquet segments and content-addressed
 * blobs that implements the kernel's {@link org.voxbeam.kernel.store.ResultStore} contract. Start
 * at {@link org.voxbeam.storage.ParquetResultStore} (reads, writes, concurrency, caching), then
 * {@link org.voxbeam.storage.StoreLayout}, which says where every file lives. A store is named as
 * the user writes it by {@link org.voxbeam.storage.StoreAddress} and tuned per process by {@link
 * org.voxbeam.storage.StoreOptions}; the package-private format marker and upgrade decide which
 * format version a directory follows and bring an older one up to date when it is opened.
 *
 * <p>The subpackages are the store's parts: {@code segment} (the Parquet rows), {@code blob}
 * (payload files), {@code index} (where each result is), {@code maintenance} (verify, gc, compact,
 * evict) and {@code runs} (the run record). The scheduler sees only the kernel interface; Beam
 * workers, the launcher, the API and the benchmarks open a store by directory. Rules: a segment or
 * blob is written under {@code tmp/} and renamed into place, and never changed after, so any number
 * of processes may share a directory; any change to what is on disk follows the version rule in
 * docs/store-format.md, with an upgrade for existing stores; a failure caused by the store's files
 * is a {@link org.voxbeam.storage.StoreException} naming the path.
 */
package org.voxbeam.storage;
