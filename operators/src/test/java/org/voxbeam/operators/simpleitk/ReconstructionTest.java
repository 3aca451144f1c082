package org.voxbeam.operators.simpleitk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.operators.image.Grid;

/**
 * Greyscale fill-hole (Vincent's hybrid reconstruction) against the definition — the marker eroded
 * under the image, one geodesic step at a time, until nothing changes — and the raster union-find
 * components against a breadth-first flood.
 */
class ReconstructionTest {

  @Test
  void fillHolesEqualsIteratedGeodesicErosion() {
    Random random = new Random(31);
    Grid[] grids = {
      new Grid(2, 9, 7, 1),
      new Grid(2, 1, 6, 1),
      new Grid(3, 6, 5, 4),
      new Grid(3, 5, 1, 6),
      new Grid(3, 12, 11, 9)
    };
    for (int round = 0; round < 30; round++) {
      for (Grid grid : grids) {
        double[] image = new double[grid.voxelCount()];
        int levels = 2 + random.nextInt(20);
        for (int i = 0; i < image.length; i++) {
          image[i] = random.nextInt(levels);
        }
        for (boolean fully : new boolean[] {false, true}) {
          assertArrayEquals(
              definition(grid, image, fully), Reconstruction.fillHoles(grid, image, fully));
        }
      }
    }
  }

  @Test
  void keptComponentsEqualAFloodFillsVerdict() {
    Random random = new Random(32);
    Grid[] grids = {
      new Grid(2, 9, 7, 1),
      new Grid(2, 1, 6, 1),
      new Grid(3, 6, 5, 4),
      new Grid(3, 5, 1, 6),
      new Grid(3, 12, 11, 9)
    };
    for (int round = 0; round < 30; round++) {
      for (Grid grid : grids) {
        boolean[] set = new boolean[grid.voxelCount()];
        boolean[] marker = new boolean[grid.voxelCount()];
        double density = random.nextDouble();
        for (int i = 0; i < set.length; i++) {
          set[i] = random.nextDouble() < density;
          marker[i] = random.nextDouble() < 0.05;
        }
        for (boolean fully : new boolean[] {false, true}) {
          for (Reconstruction.Verdict verdict : Reconstruction.Verdict.values()) {
            assertArrayEquals(
                flood(grid, set, marker, verdict, fully),
                Reconstruction.keptComponents(grid, set, marker, verdict, fully));
          }
        }
      }
    }
  }

  /** Each component by a breadth-first flood, kept when any voxel meets the verdict. */
  private static boolean[] flood(
      Grid grid, boolean[] set, boolean[] marker, Reconstruction.Verdict verdict, boolean fully) {
    int[][] offsets = Reconstruction.neighbours(grid, fully);
    boolean[] seen = new boolean[set.length];
    boolean[] keep = new boolean[set.length];
    for (int seed = 0; seed < set.length; seed++) {
      if (!set[seed] || seen[seed]) {
        continue;
      }
      java.util.List<Integer> members = new java.util.ArrayList<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(java.util.List.of(seed));
      seen[seed] = true;
      boolean kept = false;
      while (!queue.isEmpty()) {
        int i = queue.poll();
        members.add(i);
        int x = i % grid.nx();
        int y = (i / grid.nx()) % grid.ny();
        int z = i / (grid.nx() * grid.ny());
        boolean border =
            x == 0
                || y == 0
                || x == grid.nx() - 1
                || y == grid.ny() - 1
                || (grid.dimension() == 3 && (z == 0 || z == grid.nz() - 1));
        kept |= verdict == Reconstruction.Verdict.MEETS_MARKER ? marker[i] : border;
        for (int[] o : offsets) {
          int px = x + o[0];
          int py = y + o[1];
          int pz = z + o[2];
          if (px >= 0 && py >= 0 && pz >= 0 && px < grid.nx() && py < grid.ny() && pz < grid.nz()) {
            int j = grid.index(px, py, pz);
            if (set[j] && !seen[j]) {
              seen[j] = true;
              queue.add(j);
            }
          }
        }
      }
      for (int i : members) {
        keep[i] = kept;
      }
    }
    return keep;
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
          boolean border =
              x == 0
                  || y == 0
                  || x == grid.nx() - 1
                  || y == grid.ny() - 1
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
              if (px >= 0
                  && py >= 0
                  && pz >= 0
                  && px < grid.nx()
                  && py < grid.ny()
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
