package org.voxbeam.operators.simpleitk;

import java.util.stream.IntStream;
import org.voxbeam.operators.image.Grid;

/**
 * The lines of a grid along one axis, visited in parallel chunks: what every separable pass and
 * recursive filter of the neighbourhood families iterates over. A chunk's task allocates its
 * scratch buffers once and reuses them for all its lines, so no pass allocates per voxel.
 */
final class Lines {
  /** Below this many voxels a pass runs on the calling thread. */
  private static final int PARALLEL_THRESHOLD = 1 << 15;

  private static final int CHUNKS_PER_CORE = 4;

  /** Work on a range of lines, with scratch of its own. */
  interface Task {
    /** Visits lines {@code from} (inclusive) to {@code to} (exclusive); see {@link #start}. */
    void run(int from, int to);
  }

  private Lines() {}

  /** How many lines {@code grid} has along {@code axis}. */
  static int count(Grid grid, int axis) {
    int extent = grid.extent(axis);
    return extent == 0 ? 0 : grid.voxelCount() / extent;
  }

  /** The index of the first voxel of line {@code k} along {@code axis}. */
  static int start(Grid grid, int axis, int k) {
    int stride = grid.stride(axis);
    int inner = k % stride;
    int outer = k / stride;
    return outer * stride * grid.extent(axis) + inner;
  }

  /** Runs {@code task} over all lines along {@code axis}, in parallel chunks for large grids. */
  static void forEach(Grid grid, int axis, Task task) {
    parallel(count(grid, axis), grid.voxelCount(), task);
  }

  /** Runs {@code task} over {@code 0..count}, chunked and in parallel when the work is large. */
  static void parallel(int count, long work, Task task) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (work < PARALLEL_THRESHOLD || cores == 1 || count < 2) {
      task.run(0, count);
      return;
    }
    int chunks = Math.min(count, cores * CHUNKS_PER_CORE);
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int from = (int) ((long) count * c / chunks);
              int to = (int) ((long) count * (c + 1) / chunks);
              task.run(from, to);
            });
  }
}
