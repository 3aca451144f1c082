package org.voxbeam.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Copies a large stream to a file while another thread hashes what was copied, so SHA-256 runs
 * beside the write instead of after it: a blob is stored at about the speed of the slower of the
 * two rather than of their sum. Chunks are hashed in order; a ring of buffers bounds the memory to
 * {@value #RING} chunks of {@value #CHUNK} bytes per copy.
 */
final class HashingCopy {
  /** Below this size the plain sequential copy is as fast; no second thread is involved. */
  static final long THRESHOLD = 4L << 20;

  private static final int CHUNK = 1 << 20;
  private static final int RING = 4;
  private static final ExecutorService HASHERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "voxbeam-blob-hash");
            thread.setDaemon(true);
            return thread;
          });

  private HashingCopy() {}

  /** Copies all of {@code in} to {@code out}, feeding {@code digest}; returns the byte count. */
  static long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
    byte[][] buffers = new byte[RING][CHUNK];
    CompletableFuture<?>[] hashed = new CompletableFuture<?>[RING];
    Arrays.fill(hashed, CompletableFuture.completedFuture(null));
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    long total = 0;
    for (int slot = 0; ; slot = (slot + 1) % RING) {
      hashed[slot].join();
      byte[] buffer = buffers[slot];
      int length = in.readNBytes(buffer, 0, CHUNK);
      if (length == 0) {
        break;
      }
      out.write(buffer, 0, length);
      chain = chain.thenRunAsync(() -> digest.update(buffer, 0, length), HASHERS);
      hashed[slot] = chain;
      total += length;
    }
    chain.join();
    return total;
  }
}
