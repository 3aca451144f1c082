package org.voxbeam.transforms.simpleitk;

import org.voxbeam.transforms.image.Grid;

/**
 * Connectivity-based morphology: connected components of a voxel set with a per-component
 * verdict (binary reconstruction, binary fill-hole), and greyscale reconstruction by erosion
 * from the image border (greyscale fill-hole) by Vincent's hybrid algorithm. Connectivity is ITK's:
 * face neighbours, or all {@code 3^d - 1} neighbours when fully connected.
 */
final class Reconstruction {
  private Reconstruction() {}

  /** The neighbour offsets of a grid: {@code (dx, dy, dz)} triples. */
  static int[][] neighbours(Grid grid, boolean fullyConnected) {
    int dz = grid.dimension() == 3 ? 1 : 0;
    java.util.List<int[]> offsets = new java.util.ArrayList<>();
    for (int z = -dz; z <= dz; z++) {
      for (int y = -1; y <= 1; y++) {
        for (int x = -1; x <= 1; x++) {
          int nonZero = (x != 0 ? 1 : 0) + (y != 0 ? 1 : 0) + (z != 0 ? 1 : 0);
          if (nonZero > 0 && (fullyConnected || nonZero == 1)) {
            offsets.add(new int[] {x, y, z});
          }
        }
      }
    }
    return offsets.toArray(new int[0][]);
  }

  /** What decides whether a component is kept. */
  enum Verdict {
    /** Some voxel of the component is also in the marker set. */
    MEETS_MARKER,
    /** Some voxel of the component lies on the image border. */
    TOUCHES_BORDER
  }

  /**
   * The voxels of {@code set} whose connected component (within {@code set}) the verdict keeps.
   *
   * @param marker the marker set for {@link Verdict#MEETS_MARKER}; unused otherwise
   */
  static boolean[] keptComponents(Grid grid, boolean[] set, boolean[] marker, Verdict verdict,
      boolean fullyConnected) {
    int n = grid.voxelCount();
    int[][] offsets = neighbours(grid, fullyConnected);
    int[] component = new int[n];
    java.util.Arrays.fill(component, -1);
    int[] queue = new int[n];
    boolean[] keep = new boolean[n];
    java.util.BitSet keptIds = new java.util.BitSet();
    int next = 0;
    for (int seed = 0; seed < n; seed++) {
      if (!set[seed] || component[seed] >= 0) {
        continue;
      }
      int id = next++;
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      component[seed] = id;
      boolean kept = false;
      while (head < tail) {
        int i = queue[head++];
        int x = i % grid.nx();
        int y = (i / grid.nx()) % grid.ny();
        int z = i / (grid.nx() * grid.ny());
        kept |= verdict == Verdict.MEETS_MARKER ? marker[i] : onBorder(grid, x, y, z);
        for (int[] o : offsets) {
          int px = x + o[0];
          int py = y + o[1];
          int pz = z + o[2];
          if (px < 0 || py < 0 || pz < 0 || px >= grid.nx() || py >= grid.ny() || pz >= grid.nz()) {
            continue;
          }
          int j = grid.index(px, py, pz);
          if (set[j] && component[j] < 0) {
            component[j] = id;
            queue[tail++] = j;
          }
        }
      }
      if (kept) {
        keptIds.set(id);
      }
    }
    for (int i = 0; i < n; i++) {
      keep[i] = component[i] >= 0 && keptIds.get(component[i]);
    }
    return keep;
  }

  private static boolean onBorder(Grid grid, int x, int y, int z) {
    return x == 0 || y == 0 || x == grid.nx() - 1 || y == grid.ny() - 1
        || (grid.dimension() == 3 && (z == 0 || z == grid.nz() - 1));
  }

  /**
   * ITK's {@code GrayscaleFillholeImageFilter}: reconstruction by erosion of a marker equal to
   * the image on its border and to its maximum inside, over the image. Vincent's hybrid
   * algorithm (dual form): a raster and an anti-raster sweep, then a FIFO queue for what the
   * sweeps leave unstable — linear in practice, and exact, since it only compares voxel values.
   */
  static double[] fillHoles(Grid grid, double[] in, boolean fullyConnected) {
    int n = grid.voxelCount();
    double max = Double.NEGATIVE_INFINITY;
    for (double v : in) {
      max = Math.max(max, v);
    }
    double[] m = new double[n];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          int i = grid.index(x, y, z);
          m[i] = onBorder(grid, x, y, z) ? in[i] : max;
        }
      }
    }
    int[][] offsets = neighbours(grid, fullyConnected);
    int[][] before = half(grid, offsets, true);
    int[][] after = half(grid, offsets, false);
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          sweep(grid, in, m, before, x, y, z);
        }
      }
    }
    IntQueue queue = new IntQueue(Math.max(n / 8, 16));
    for (int z = grid.nz() - 1; z >= 0; z--) {
      for (int y = grid.ny() - 1; y >= 0; y--) {
        for (int x = grid.nx() - 1; x >= 0; x--) {
          int i = sweep(grid, in, m, after, x, y, z);
          for (int[] o : after) {
            int j = neighbour(grid, x, y, z, o);
            if (j >= 0 && m[j] > m[i] && m[j] > in[j]) {
              queue.add(i);
              break;
            }
          }
        }
      }
    }
    while (!queue.isEmpty()) {
      int i = queue.poll();
      int x = i % grid.nx();
      int y = (i / grid.nx()) % grid.ny();
      int z = i / (grid.nx() * grid.ny());
      for (int[] o : offsets) {
        int j = neighbour(grid, x, y, z, o);
        if (j >= 0 && m[j] > m[i] && m[j] != in[j]) {
          m[j] = Math.max(m[i], in[j]);
          queue.add(j);
        }
      }
    }
    return m;
  }

  /** {@code m(p) = max(f(p), min(m(p), min over the given neighbours of m))}; returns p. */
  private static int sweep(Grid grid, double[] f, double[] m, int[][] neighbours, int x, int y,
      int z) {
    int i = grid.index(x, y, z);
    double low = m[i];
    for (int[] o : neighbours) {
      int j = neighbour(grid, x, y, z, o);
      if (j >= 0 && m[j] < low) {
        low = m[j];
      }
    }
    m[i] = Math.max(f[i], low);
    return i;
  }

  /** The offsets that come before ({@code earlier}) or after the voxel in raster order. */
  private static int[][] half(Grid grid, int[][] offsets, boolean earlier) {
    return java.util.Arrays.stream(offsets)
        .filter(o -> {
          long linear = o[0] + (long) grid.nx() * (o[1] + (long) grid.ny() * o[2]);
          return earlier ? linear < 0 : linear > 0;
        })
        .toArray(int[][]::new);
  }

  /** The index of the neighbour at offset {@code o}, or -1 outside the image. */
  private static int neighbour(Grid grid, int x, int y, int z, int[] o) {
    int px = x + o[0];
    int py = y + o[1];
    int pz = z + o[2];
    if (px < 0 || py < 0 || pz < 0 || px >= grid.nx() || py >= grid.ny() || pz >= grid.nz()) {
      return -1;
    }
    return grid.index(px, py, pz);
  }

  /** A first-in first-out queue of voxel indices that grows as needed. */
  private static final class IntQueue {
    private int[] items;
    private int head;
    private int size;

    IntQueue(int capacity) {
      items = new int[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void add(int item) {
      if (size == items.length) {
        int[] grown = new int[items.length * 2];
        for (int k = 0; k < size; k++) {
          grown[k] = items[(head + k) % items.length];
        }
        items = grown;
        head = 0;
      }
      items[(head + size++) % items.length] = item;
    }

    int poll() {
      int item = items[head];
      head = (head + 1) % items.length;
      size--;
      return item;
    }
  }
}
