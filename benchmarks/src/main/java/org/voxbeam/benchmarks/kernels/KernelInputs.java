package org.voxbeam.benchmarks.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/**
 * The inputs every kernel case runs on: a {@code float32} cube (dark noise with bright balls, like
 * a lesion map, so masks have many components and real boundaries), the {@code uint8} 0/1 mask of
 * its bright voxels, and the same voxels as raw arrays for the plain-pass baseline and for the
 * scipy peer, which reads exactly these bytes.
 *
 * @param floats the cube's voxels, little-endian {@code float32}, x fastest
 * @param maskBytes the mask's voxels, one 0/1 byte each
 */
record KernelInputs(
    int side,
    ImageValue volume,
    ImageValue mask,
    byte[] floats,
    byte[] maskBytes,
    float threshold) {

  public long voxelCount() {
    return (long) side * side * side;
  }

  /** A cube of side {@code side} from {@code seed}; the mask is the voxels above 127. */
  public static KernelInputs cube(int side, long seed) {
    int n = side * side * side;
    float[] values = new float[n];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      values[i] = (float) (random.nextDouble() * 100.0);
    }
    int balls = Math.max(1, side / 4);
    for (int b = 0; b < balls; b++) {
      int cx = random.nextInt(side);
      int cy = random.nextInt(side);
      int cz = random.nextInt(side);
      int r = 2 + random.nextInt(Math.max(3, side / 12));
      for (int z = Math.max(0, cz - r); z < Math.min(side, cz + r + 1); z++) {
        for (int y = Math.max(0, cy - r); y < Math.min(side, cy + r + 1); y++) {
          for (int x = Math.max(0, cx - r); x < Math.min(side, cx + r + 1); x++) {
            int dx = x - cx;
            int dy = y - cy;
            int dz = z - cz;
            if (dx * dx + dy * dy + dz * dz <= r * r) {
              values[(z * side + y) * side + x] = (float) (150.0 + random.nextDouble() * 100.0);
            }
          }
        }
      }
    }
    float threshold = 127f;
    byte[] floats = new byte[n * 4];
    ByteBuffer out = ByteBuffer.wrap(floats).order(ByteOrder.LITTLE_ENDIAN);
    byte[] mask = new byte[n];
    for (int i = 0; i < n; i++) {
      out.putFloat(i * 4, values[i]);
      mask[i] = (byte) (values[i] > threshold ? 1 : 0);
    }
    long s = side;
    ImageGeometry geometry =
        new ImageGeometry(
            List.of(s, s, s),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    return new KernelInputs(
        side,
        new ImageValue(geometry, DType.FLOAT32, InMemoryBlob.copyOf(floats)),
        new ImageValue(geometry, DType.UINT8, InMemoryBlob.copyOf(mask)),
        floats,
        mask,
        threshold);
  }
}
