package org.voxbeam.benchmarks.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.voxbeam.kernel.value.Blob;

/**
 * A blob over a byte array, not copied (unlike the kernel's {@code InMemoryBlob}), so that the
 * store is handed exactly the bytes the {@code Files.write} baseline writes, with no extra copy
 * on its clock.
 */
record ByteArrayBlob(byte[] bytes) implements Blob {
  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }
}
