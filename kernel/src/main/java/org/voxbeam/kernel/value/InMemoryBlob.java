package org.voxbeam.kernel.value;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/** A blob held in a byte array, for values computed in memory. */
public final class InMemoryBlob implements Blob {
  private final byte[] bytes;

  private InMemoryBlob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A blob over a copy of {@code bytes}. */
  public static InMemoryBlob copyOf(byte[] bytes) {
    return new InMemoryBlob(bytes.clone());
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
