package org.voxbeam.transforms.image;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.voxbeam.kernel.value.Blob;

/**
 * A blob that owns the byte array a kernel has just filled, so a freshly computed volume becomes
 * a value without a copy (the kernel's {@code InMemoryBlob} copies on the way in). The array is
 * never handed out for writing: readers get a read-only little-endian view.
 */
public final class VoxelBlob implements Blob {
  private final byte[] bytes;

  private VoxelBlob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes ownership of {@code bytes}: the caller must not modify the array afterwards. */
  public static VoxelBlob adopt(byte[] bytes) {
    return new VoxelBlob(bytes);
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
    return other instanceof VoxelBlob that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "VoxelBlob[" + bytes.length + " bytes]";
  }
}
