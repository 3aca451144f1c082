package org.voxbeam.operators.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/**
 * A {@code float32} image being computed, written straight into the little-endian bytes that become
 * its blob, so the result is not converted or copied when it turns into a value.
 */
public final class Float32Output {
  private final ImageGeometry geometry;
  private final byte[] bytes;
  private final FloatBuffer floats;

  public Float32Output(ImageGeometry geometry) {
    this.geometry = geometry;
    this.bytes = new byte[Math.toIntExact(geometry.voxelCount() * 4)];
    this.floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  public void set(int index, double value) {
    floats.put(index, (float) value);
  }

  public float get(int index) {
    return floats.get(index);
  }

  /** The finished image; the output must not be written afterwards. */
  public ImageValue toValue() {
    return new ImageValue(geometry, DType.FLOAT32, InMemoryBlob.adopt(bytes));
  }
}
