package org.voxbeam.operators.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/**
 * An image opened for computation: geometry, element type and the voxels as a little-endian buffer.
 * Kernels read voxels by index through {@link #get(int)} instead of converting whole volumes to
 * another array type, so an input is read once and never copied again; a blob the image kernels
 * produced is viewed in place.
 */
public record Voxels(ImageGeometry geometry, DType dtype, Grid grid, ByteBuffer buffer) {

  /** Opens an image value's voxels. */
  public static Voxels of(ImageValue image) {
    ByteBuffer buffer;
    if (image.voxels() instanceof InMemoryBlob blob) {
      buffer = blob.view();
    } else {
      try {
        buffer = ByteBuffer.wrap(image.voxels().readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      } catch (IOException e) {
        throw new OperatorException("cannot read image voxels: " + e.getMessage());
      }
    }
    return new Voxels(image.geometry(), image.dtype(), Grid.of(image.geometry()), buffer);
  }

  /** A 0/1 {@code uint8} image over {@code geometry} that adopts {@code mask}. */
  public static ImageValue mask(ImageGeometry geometry, byte[] mask) {
    return new ImageValue(geometry, DType.UINT8, InMemoryBlob.adopt(mask));
  }

  public int voxelCount() {
    return grid.voxelCount();
  }

  /** Voxel {@code i} (x fastest) as a double, exactly up to 2^53 for every supported type. */
  public double get(int i) {
    return switch (dtype) {
      case BOOL, UINT8 -> buffer.get(i) & 0xff;
      case INT8 -> buffer.get(i);
      case UINT16 -> buffer.getShort(i * 2) & 0xffff;
      case INT16 -> buffer.getShort(i * 2);
      case UINT32 -> buffer.getInt(i * 4) & 0xffffffffL;
      case INT32 -> buffer.getInt(i * 4);
      case INT64 -> buffer.getLong(i * 8);
      case UINT64 -> PixelCast.unsignedToDouble(buffer.getLong(i * 8));
      case FLOAT32 -> buffer.getFloat(i * 4);
      case FLOAT64 -> buffer.getDouble(i * 8);
    };
  }

  /** Whether voxel {@code i} is true: non-zero, as a mask reads it. */
  public boolean isSet(int i) {
    return switch (dtype) {
      case BOOL, UINT8, INT8 -> buffer.get(i) != 0;
      default -> get(i) != 0.0;
    };
  }

  /**
   * Whether voxel {@code i} is non-zero after ITK's {@code static_cast} to {@code uint8}:
   * VoxLogicA-2's {@code vox1} kernels cast an image to {@code uint8} before reading it as a mask,
   * so 0.5 and 256 are false there.
   */
  public boolean isSetAsUint8(int i) {
    return switch (dtype) {
      case BOOL, UINT8, INT8 -> buffer.get(i) != 0;
      case UINT16, INT16 -> (buffer.getShort(i * 2) & 0xff) != 0;
      case UINT32, INT32 -> (buffer.getInt(i * 4) & 0xff) != 0;
      case UINT64, INT64 -> (buffer.getLong(i * 8) & 0xff) != 0;
      case FLOAT32, FLOAT64 -> PixelCast.stored(DType.UINT8, get(i)) != 0.0;
    };
  }

  /** The voxels as a 0/1 byte array of {@link #isSetAsUint8}, what VoxLogicA-2's masks hold. */
  public byte[] toUint8Mask() {
    int n = voxelCount();
    byte[] mask = new byte[n];
    for (int i = 0; i < n; i++) {
      mask[i] = isSetAsUint8(i) ? (byte) 1 : 0;
    }
    return mask;
  }

  /** The voxels as a 0/1 byte array, for kernels that visit mask voxels many times. */
  public byte[] toMask() {
    int n = voxelCount();
    byte[] mask = new byte[n];
    for (int i = 0; i < n; i++) {
      mask[i] = isSet(i) ? (byte) 1 : 0;
    }
    return mask;
  }

  /** Fails unless {@code other} has the same lattice, as voxel-wise operators require. */
  public void requireSameGrid(Voxels other, String operator) {
    if (!geometry.size().equals(other.geometry.size())) {
      throw new OperatorException(
          operator
              + " needs images of the same size, got "
              + geometry.size()
              + " and "
              + other.geometry.size());
    }
  }
}
