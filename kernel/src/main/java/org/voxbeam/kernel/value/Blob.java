package org.voxbeam.kernel.value;

import java.io.IOException;
import java.io.InputStream;

/**
 * Binary content that may live on disk rather than in memory. Consumers that can stream should use
 * {@link #open()}; {@link #size()} is always cheap.
 */
public interface Blob {
  long size();

  /** A new stream over the content, from its first byte. */
  InputStream open() throws IOException;

  /**
   * Whether a read of this blob found its content different from what was stored (see {@link
   * CorruptBlobException}). A value holding such a blob is not to be used, nor anything computed
   * from it: the stored result it came from reads as absent and is computed again.
   */
  default boolean failedVerification() {
    return false;
  }

  /** The whole content; only for blobs known to be small enough to hold in memory. */
  default byte[] readAllBytes() throws IOException {
    if (size() > Integer.MAX_VALUE - 8) {
      throw new IOException("blob of " + size() + " bytes does not fit in an array");
    }
    try (InputStream in = open()) {
      return in.readAllBytes();
    }
  }
}
