/**
 * Payload files: bytes, arrays and image voxels, stored once each under the SHA-256 of their
 * content. {@link org.voxbeam.storage.blob.BlobStore} writes and opens them (start there); {@link
 * org.voxbeam.storage.blob.BlobRef} is what a row records of a blob, and {@link
 * org.voxbeam.storage.blob.FileBlob} the kernel {@link org.voxbeam.kernel.value.Blob} that reads
 * one on demand. Large blobs are hashed on a second thread while they are copied.
 *
 * <p>Used by the store itself, by the row codec (rows reference blobs) and by maintenance (verify
 * re-hashes them, gc removes unreferenced ones). Rules: a blob is never held whole in memory; it is
 * streamed to a temporary file and renamed to its hash, so readers never see a partial blob and two
 * writers of the same content agree; a blob file is never modified, and is deleted only by gc.
 */
package org.voxbeam.storage.blob;
