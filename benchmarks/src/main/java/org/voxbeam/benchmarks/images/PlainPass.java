package org.voxbeam.benchmarks.images;

/**
 * The baseline every operator is compared with: one plain loop over the same uint8 voxels in a
 * primitive array, reading each voxel and writing one byte (a threshold), into a fresh array as an
 * operator's result is. It is about the least any voxel-wise operator can cost here, so an
 * operator's ratio to it says how many such passes the operator is worth.
 */
final class PlainPass {
  private PlainPass() {}

  /** Thresholds {@code voxels} at {@code threshold}; returns the count so the work is not dead. */
  static long threshold(byte[] voxels, int threshold) {
    byte[] out = new byte[voxels.length];
    long count = 0;
    for (int i = 0; i < voxels.length; i++) {
      boolean on = (voxels[i] & 0xff) > threshold;
      out[i] = (byte) (on ? 1 : 0);
      count += out[i];
    }
    return count;
  }
}
