package org.voxbeam.operators.image.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.operators.image.Grid;

/**
 * The run-based labelling against a breadth-first search over voxels on seeded random masks of
 * several densities and shapes, both connectivities: the same components, numbered by the raster
 * order of their first voxel.
 */
class ConnectedComponentsTest {
  private static final int[][] SHAPES = {
    {23, 17, 9}, {1, 13, 7}, {31, 1, 5}, {19, 11, 1}, {2, 2, 2}
  };

  @Test
  void runsLabelAsABreadthFirstSearchDoes() {
    Random random = new Random(17);
    for (int[] shape : SHAPES) {
      for (double density : new double[] {0.1, 0.35, 0.55, 0.8}) {
        Grid grid = new Grid(shape[2] == 1 ? 2 : 3, shape[0], shape[1], shape[2]);
        byte[] mask = new byte[grid.voxelCount()];
        for (int i = 0; i < mask.length; i++) {
          mask[i] = random.nextDouble() < density ? (byte) 1 : 0;
        }
        for (boolean full : new boolean[] {false, true}) {
          int[] expected = breadthFirst(grid, mask, full);
          ConnectedComponents actual = ConnectedComponents.label(grid, mask, full);
          assertArrayEquals(
              expected, actual.labels(), java.util.Arrays.toString(shape) + " " + full);
          assertEquals(java.util.Arrays.stream(expected).max().orElse(0), actual.count());
        }
      }
    }
  }

  private static int[] breadthFirst(Grid grid, byte[] mask, boolean full) {
    int[] labels = new int[mask.length];
    int next = 0;
    for (int seed = 0; seed < mask.length; seed++) {
      if (mask[seed] == 0 || labels[seed] != 0) {
        continue;
      }
      labels[seed] = ++next;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(seed);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int x = i % grid.nx();
        int y = (i / grid.nx()) % grid.ny();
        int z = i / (grid.nx() * grid.ny());
        for (int dz = -1; dz <= 1; dz++) {
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int axes = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
              int xx = x + dx;
              int yy = y + dy;
              int zz = z + dz;
              if (axes == 0
                  || (!full && axes > 1)
                  || xx < 0
                  || yy < 0
                  || zz < 0
                  || xx >= grid.nx()
                  || yy >= grid.ny()
                  || zz >= grid.nz()) {
                continue;
              }
              int j = grid.index(xx, yy, zz);
              if (mask[j] != 0 && labels[j] == 0) {
                labels[j] = next;
                queue.add(j);
              }
            }
          }
        }
      }
    }
    return labels;
  }
}
