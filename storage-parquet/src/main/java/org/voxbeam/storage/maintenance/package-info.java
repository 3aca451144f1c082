/**
 * Keeping a store healthy and bounded. {@link org.voxbeam.storage.maintenance.StoreMaintenance}
 * runs the four operations (start there): {@code verify} re-hashes every blob and checks every
 * reference, {@code gc} removes unreferenced blobs and leftover temporary files, {@code compact}
 * merges small segments and {@code evict} drops results by age or to fit a size ({@link
 * org.voxbeam.storage.maintenance.EvictionPolicy}). Each returns a report record of what it did or,
 * in a dry run, would do.
 *
 * <p>Works on the store's files (segments, blobs, the access log) beside an open {@link
 * org.voxbeam.storage.ParquetResultStore}, rather than through the kernel's interface, and is used
 * by the launcher's {@code store} commands and the HTTP API's store endpoints. Rules: every
 * operation but verify has a dry run that changes nothing; segments are replaced by writing the new
 * ones first and deleting the old ones after, so other processes see one or the other; a blob is
 * removed only when no segment references it and it is older than the grace period, since a writer
 * may not have committed its segment yet.
 */
package org.voxbeam.storage.maintenance;
