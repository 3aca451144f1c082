package org.voxbeam.operators.simpleitk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * Copies an image through one index map per axis: output voxel (x, y, z) takes input voxel (mx[x],
 * my[y], mz[z]), or a constant where a map says {@link #CONSTANT}. Cropping, padding, flipping and
 * shrinking are all such maps, so they share this one copy, which moves voxels as bytes (exact for
 * every pixel type, {@code uint64} included) and fills constants from one pre-encoded value.
 */
final class AxisMaps {
  /** A map entry that takes the constant instead of an input voxel. */
  static final int CONSTANT = -1;

  private AxisMaps() {}

  /**
   * @param maps three maps (x, y, z; a 2D image's z map is {@code {0}}), one entry per output voxel
   *     along the axis
   * @param constant the value of {@link #CONSTANT} entries, stored in the image's pixel type
   */
  static ImageValue copy(ImageValue image, ImageGeometry out, int[][] maps, double constant) {
    DType dtype = image.dtype();
    int width = dtype.byteSize();
    byte[] fill = new byte[width];
    PixelCast.put(ByteBuffer.wrap(fill).order(ByteOrder.LITTLE_ENDIAN), dtype, 0, constant);
    Voxels in = Voxels.of(image);
    byte[] source = bytes(in);
    Grid grid = in.grid();
    int[] mx = maps[0];
    int[] my = maps[1];
    int[] mz = maps[2];
    byte[] target = new byte[Math.toIntExact((long) mx.length * my.length * mz.length * width)];
    int rowBytes = mx.length * width;
    byte[] constantRow = new byte[rowBytes];
    for (int at = 0; at < rowBytes; at += width) {
      System.arraycopy(fill, 0, constantRow, at, width);
    }
    int[] run = runs(mx);
    int cursor = 0;
    for (int z : mz) {
      for (int y : my) {
        if (y == CONSTANT || z == CONSTANT) {
          System.arraycopy(constantRow, 0, target, cursor, rowBytes);
          cursor += rowBytes;
          continue;
        }
        int base = grid.index(0, y, z);
        for (int x = 0; x < mx.length; x += run[x]) {
          int bytes = run[x] * width;
          if (mx[x] == CONSTANT) {
            System.arraycopy(constantRow, 0, target, cursor, bytes);
          } else if (run[x] == 1) {
            int from = (base + mx[x]) * width;
            for (int b = 0; b < width; b++) {
              target[cursor + b] = source[from + b];
            }
          } else {
            System.arraycopy(source, (base + mx[x]) * width, target, cursor, bytes);
          }
          cursor += bytes;
        }
      }
    }
    return new ImageValue(out, dtype, InMemoryBlob.adopt(target));
  }

  /**
   * For each position of a map, the length of the stretch starting there that one block copy
   * covers: consecutive input indices, or consecutive constants.
   */
  private static int[] runs(int[] map) {
    int[] run = new int[map.length];
    for (int x = map.length - 1; x >= 0; x--) {
      boolean continues =
          x + 1 < map.length
              && (map[x] == CONSTANT ? map[x + 1] == CONSTANT : map[x + 1] == map[x] + 1);
      run[x] = continues ? run[x + 1] + 1 : 1;
    }
    return run;
  }

  /** The identity map of one axis shifted by {@code start}: output i takes input start + i. */
  static int[] range(long start, long length) {
    int[] map = new int[Math.toIntExact(length)];
    for (int i = 0; i < map.length; i++) {
      map[i] = Math.toIntExact(start + i);
    }
    return map;
  }

  /** Maps for the axes an image lacks (z of a 2D image). */
  static int[][] complete(int[][] maps) {
    int[][] out = new int[3][];
    for (int axis = 0; axis < 3; axis++) {
      out[axis] = axis < maps.length ? maps[axis] : new int[] {0};
    }
    return out;
  }

  /** The voxel bytes of an image, without copying when they are already one array. */
  static byte[] bytes(Voxels voxels) {
    ByteBuffer buffer = voxels.buffer();
    int length = voxels.voxelCount() * voxels.dtype().byteSize();
    if (buffer.hasArray()
        && buffer.arrayOffset() == 0
        && buffer.position() == 0
        && buffer.array().length == length) {
      return buffer.array();
    }
    byte[] out = new byte[length];
    buffer.duplicate().position(0).get(out);
    return out;
  }

  /** A geometry from per-axis sizes and the other components given as arrays. */
  static ImageGeometry geometry(
      long[] size, double[] spacing, double[] origin, double[] direction) {
    List<Long> sizes = new ArrayList<>();
    List<Double> spacings = new ArrayList<>();
    List<Double> origins = new ArrayList<>();
    List<Double> directions = new ArrayList<>();
    for (int i = 0; i < size.length; i++) {
      sizes.add(size[i]);
      spacings.add(spacing[i]);
      origins.add(origin[i]);
    }
    for (double d : direction) {
      directions.add(d);
    }
    return new ImageGeometry(sizes, spacings, origins, directions);
  }

  static double[] array(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  static long[] sizes(ImageGeometry geometry) {
    long[] out = new long[geometry.dimension()];
    for (int i = 0; i < out.length; i++) {
      out[i] = geometry.size().get(i);
    }
    return out;
  }
}
