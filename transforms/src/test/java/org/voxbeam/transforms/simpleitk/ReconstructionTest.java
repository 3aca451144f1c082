package org.voxbeam.transforms.simpleitk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.transforms.image.Grid;

/**
 * Greyscale fill-hole (Vincent's hybrid reconstruction) against the definition: the marker
 * eroded under the image, one geodesic step at a time, until nothing changes.
 */
class ReconstructionTest {

  @Test
  void fillHolesEqualsIteratedGeodesicErosion() {
    Random random = new Random(31);
    Grid[] grids = {new Grid(2, 9, 7, 1), new Grid(2, 1, 6, 1), new Grid(3, 6, 5, 4),
        new Grid(3, 5, 1, 6), new Grid(3, 12, 11, 9)};
    for (int round = 0; round < 30; round++) {
      for (Grid grid : grids) {
        double[] image = new double[grid.voxelCount()];
        int levels = 2 + random.nextInt(20);
        for (int i = 0; i < image.length; i++) {
          image[i] = random.nextInt(levels);
        }
        for (boolean fully : new boolean[] {false, true}) {
          assertArrayEquals(definition(grid, image, fully),
              Reconstruction.fillHoles(grid, image, fully));
        }
      }
    }
  }

  private static double[] definition(Grid grid, double[] f, boolean fully) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : f) {
      max = Math.max(max, v);
    }
    double[] m = new double[f.length];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          boolean border = x == 0 || y == 0 || x == grid.nx() - 1 || y == grid.ny() - 1
              || (grid.dimension() == 3 && (z == 0 || z == grid.nz() - 1));
          m[grid.index(x, y, z)] = border ? f[grid.index(x, y, z)] : max;
        }
      }
    }
    int[][] offsets = Reconstruction.neighbours(grid, fully);
    boolean changed = true;
    while (changed) {
      changed = false;
      double[] next = m.clone();
      for (int z = 0; z < grid.nz(); z++) {
        for (int y = 0; y < grid.ny(); y++) {
          for (int x = 0; x < grid.nx(); x++) {
            int i = grid.index(x, y, z);
            double low = m[i];
            for (int[] o : offsets) {
              int px = x + o[0];
              int py = y + o[1];
              int pz = z + o[2];
              if (px >= 0 && py >= 0 && pz >= 0 && px < grid.nx() && py < grid.ny()
                  && pz < grid.nz()) {
                low = Math.min(low, m[grid.index(px, py, pz)]);
              }
            }
            next[i] = Math.max(f[i], low);
            changed |= next[i] != m[i];
          }
        }
      }
      m = next;
    }
    return m;
  }
}
