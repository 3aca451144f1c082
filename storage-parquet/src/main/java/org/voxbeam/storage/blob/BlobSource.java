package org.voxbeam.storage.blob;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a store finds the blobs it does not hold on its own disk: a remote tier whose rows this
 * store pulled, and whose blobs come on first use (see {@link BlobStore#exists}). Whatever a source
 * copies is hashed before it takes the blob's name, so a source that answers wrongly costs a
 * recomputation, never a wrong value.
 */
@FunctionalInterface
public interface BlobSource {
  /** A store's own disk only. */
  BlobSource NONE = (ref, target) -> false;

  /**
   * Copies the content of {@code ref} to {@code target}, a new empty file of the store's own.
   *
   * @return false if the source does not have the blob
   * @throws IOException if the source could not be read
   */
  boolean copyTo(BlobRef ref, Path target) throws IOException;
}
