package org.voxbeam.kernel.value;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A blob held in a byte array, for values computed in memory. {@link #copyOf} protects the caller's
 * array; {@link #adopt} takes ownership of an array a kernel has just filled, so a freshly computed
 * volume becomes a value without a copy. The array is never handed out for writing: readers get a
 * copy, a stream, or a read-only view.
 */
public final class InMemoryBlob implements Blob {
  private final byte[] bytes;

  private InMemoryBlob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A blob over a copy of {@code bytes}. */
  public static InMemoryBlob copyOf(byte[] bytes) {
    return new InMemoryBlob(bytes.clone());
  }

  /** Takes ownership of {@code bytes}: the caller must not modify the array afterwards. */
  public static InMemoryBlob adopt(byte[] bytes) {
    return new InMemoryBlob(bytes);
  }

  /** A read-only little-endian view of the content, without copying. */
  public ByteBuffer view() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public byte[] readAllBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InMemoryBlob that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "InMemoryBlob[" + bytes.length + " bytes]";
  }
}
