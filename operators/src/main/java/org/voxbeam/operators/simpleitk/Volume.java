package org.voxbeam.operators.simpleitk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * An image's voxels as doubles, with its lattice, geometry and pixel type: the working form of the
 * neighbourhood filters, which read every voxel many times. Every value of the pixel types up to 32
 * bits is exact as a double; 64-bit integers beyond 2^53 round, a deviation listed in the images
 * documentation.
 */
record Volume(ImageGeometry geometry, Grid grid, DType dtype, double[] values) {

  static Volume of(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    double[] values = new double[voxels.voxelCount()];
    Lines.parallel(
        values.length,
        values.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            values[i] = voxels.get(i);
          }
        });
    DType dtype = image.dtype() == DType.BOOL ? DType.UINT8 : image.dtype();
    return new Volume(image.geometry(), voxels.grid(), dtype, values);
  }

  /** ITK's {@code NumericTraits<T>::NonpositiveMin()}: the lowest value of the type. */
  static double lowest(DType type) {
    return switch (type) {
      case BOOL, UINT8, UINT16, UINT32, UINT64 -> 0;
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      case FLOAT32 -> -Float.MAX_VALUE;
      case FLOAT64 -> -Double.MAX_VALUE;
    };
  }

  /**
   * ITK's {@code NumericTraits<T>::max()}; for 64-bit integers the nearest double below, which
   * stores back as a value of the type.
   */
  static double highest(DType type) {
    return switch (type) {
      case BOOL, UINT8 -> 255;
      case INT8 -> Byte.MAX_VALUE;
      case UINT16 -> 65535;
      case INT16 -> Short.MAX_VALUE;
      case UINT32 -> 4294967295.0;
      case INT32 -> Integer.MAX_VALUE;
      case UINT64 -> Math.nextDown(0x1p64);
      case INT64 -> Math.nextDown(0x1p63);
      case FLOAT32 -> Float.MAX_VALUE;
      case FLOAT64 -> Double.MAX_VALUE;
    };
  }

  /** This volume padded by {@code pad[axis]} voxels of {@code value} on both sides. */
  Volume padded(int[] pad, double value) {
    Grid big =
        new Grid(
            grid.dimension(),
            grid.nx() + 2 * pad[0],
            grid.ny() + 2 * pad[1],
            grid.nz() + 2 * pad[2]);
    double[] out = new double[big.voxelCount()];
    java.util.Arrays.fill(out, value);
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        int target = big.index(pad[0], y + pad[1], z + pad[2]);
        System.arraycopy(values, grid.index(0, y, z), out, target, grid.nx());
      }
    }
    return new Volume(geometry, big, dtype, out);
  }

  /** The inner part of a padded grid's values, as {@link #padded} added it. */
  double[] cropped(Grid padded, double[] paddedValues, int[] pad) {
    double[] out = new double[grid.voxelCount()];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        System.arraycopy(
            paddedValues,
            padded.index(pad[0], y + pad[1], z + pad[2]),
            out,
            grid.index(0, y, z),
            grid.nx());
      }
    }
    return out;
  }

  /** The same lattice and geometry with other values of type {@code type}. */
  Volume with(DType type, double[] newValues) {
    return new Volume(geometry, grid, type, newValues);
  }

  int dimension() {
    return grid.dimension();
  }

  double spacing(int axis) {
    return geometry.spacing().get(axis);
  }

  /** Every value as voxels of this type hold it: {@code static_cast} from double, in place. */
  static void store(DType type, double[] values) {
    if (type == DType.FLOAT64) {
      return;
    }
    Lines.parallel(
        values.length,
        values.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            values[i] = PixelCast.stored(type, values[i]);
          }
        });
  }

  /** The image of {@code values} as voxels of {@code type}, converted as ITK's static_cast. */
  ImageValue toImage(DType type, double[] out) {
    byte[] bytes = new byte[Math.toIntExact((long) out.length * type.byteSize())];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    Lines.parallel(
        out.length,
        out.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            PixelCast.put(buffer, type, i, out[i]);
          }
        });
    DType stored = type == DType.BOOL ? DType.UINT8 : type;
    return new ImageValue(geometry, stored, InMemoryBlob.adopt(bytes));
  }

  ImageValue toImage() {
    return toImage(dtype, values);
  }
}
