package org.voxbeam.benchmarks.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.io.ImageFiles;

/**
 * A cubic uint8 volume whose voxel at (x, y, z) is {@code (x + 2y + 3z) mod 251}, written as an
 * uncompressed NIfTI file. The pattern is cheap to generate and its histogram is known, so the
 * volumes a program computes from it can be checked without reading them back.
 */
final class SyntheticVolume {
  private static final int MODULUS = 251;

  private final int edge;
  private final long[] histogram = new long[MODULUS];

  SyntheticVolume(int edge) {
    this.edge = edge;
  }

  /** Bytes of this volume in float32, the type arithmetic produces. */
  long float32Bytes() {
    return 4L * edge * edge * edge;
  }

  /** Bytes of this volume in uint8, the type of the input and of masks. */
  long uint8Bytes() {
    return (long) edge * edge * edge;
  }

  /** Writes the volume to {@code file} and records its histogram. */
  void write(Path file) throws IOException {
    byte[] voxels = new byte[Math.toIntExact(uint8Bytes())];
    int i = 0;
    for (int z = 0; z < edge; z++) {
      for (int y = 0; y < edge; y++) {
        for (int x = 0; x < edge; x++) {
          int value = (x + 2 * y + 3 * z) % MODULUS;
          voxels[i++] = (byte) value;
          histogram[value]++;
        }
      }
    }
    ImageGeometry geometry =
        new ImageGeometry(
            List.of((long) edge, (long) edge, (long) edge),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    new ImageFiles().write(file, new ImageValue(geometry, DType.UINT8, InMemoryBlob.adopt(voxels)));
  }

  /** How many voxels v satisfy {@code factor * v > threshold}. */
  long countAbove(long factor, long threshold) {
    long count = 0;
    for (int value = 0; value < MODULUS; value++) {
      if (factor * value > threshold) {
        count += histogram[value];
      }
    }
    return count;
  }
}
