package org.voxbeam.operators.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/**
 * An image of any voxel type being computed, written straight into the little-endian bytes that
 * become its blob; values are stored with ITK's conversion rules ({@link PixelCast}). For {@code
 * float32} results {@link Float32Output} avoids the per-voxel type dispatch.
 */
public final class ImageOutput {
  private final ImageGeometry geometry;
  private final DType dtype;
  private final byte[] bytes;
  private final ByteBuffer buffer;

  public ImageOutput(ImageGeometry geometry, DType dtype) {
    this.geometry = geometry;
    this.dtype = dtype;
    this.bytes = new byte[Math.toIntExact(geometry.voxelCount() * dtype.byteSize())];
    this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  public DType dtype() {
    return dtype;
  }

  /** Stores {@code value} as voxel {@code index}, converted as ITK's {@code static_cast} does. */
  public void set(int index, double value) {
    PixelCast.put(buffer, dtype, index, value);
  }

  /** The finished image; the output must not be written afterwards. */
  public ImageValue toValue() {
    return new ImageValue(geometry, dtype, InMemoryBlob.adopt(bytes));
  }
}
