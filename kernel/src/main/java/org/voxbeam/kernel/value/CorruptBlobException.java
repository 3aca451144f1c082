package org.voxbeam.kernel.value;

import java.io.IOException;

/**
 * A blob's content no longer hashes to the name it was stored under. Thrown by a stream over a
 * stored blob before it hands out the bytes that complete the mismatch, so a reader never finishes
 * with wrong content; the blob has been moved out of the store by then.
 */
public final class CorruptBlobException extends IOException {
  public CorruptBlobException(String message) {
    super(message);
  }
}
