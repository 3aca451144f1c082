package org.voxbeam.benchmarks.images;

import java.util.List;
import java.util.SplittableRandom;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/**
 * A volume the image benchmark runs on: the image, its voxels as a plain array for the baseline,
 * and the threshold that turns it into the mask the morphology operators take.
 *
 * @param name how the report names it
 * @param image the image operators get
 * @param voxels the same uint8 voxels, for the plain-loop baseline
 * @param threshold the grey level above which a voxel is in the mask
 */
record BenchVolume(String name, ImageValue image, byte[] voxels, int threshold) {

  long voxelCount() {
    return voxels.length;
  }

  /**
   * A synthetic uint8 cube of side {@code side}: dark noisy background with bright random balls, so
   * masks have many components and real boundaries, like a lesion map.
   */
  static BenchVolume syntheticCube(int side, long seed) {
    byte[] voxels = new byte[side * side * side];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = (byte) random.nextInt(100);
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
              voxels[(z * side + y) * side + x] = (byte) (150 + random.nextInt(100));
            }
          }
        }
      }
    }
    long s = side;
    ImageGeometry geometry =
        new ImageGeometry(
            List.of(s, s, s),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    return new BenchVolume(
        "synthetic " + side + "³",
        new ImageValue(geometry, DType.UINT8, InMemoryBlob.adopt(voxels)),
        voxels,
        127);
  }
}
