package org.voxbeam.operators.simpleitk;

import org.voxbeam.operators.image.Grid;

/**
 * Connectivity-based morphology: connected components of a voxel set with a per-component verdict
 * (binary reconstruction, binary fill-hole), and greyscale reconstruction by erosion from the image
 * border (greyscale fill-hole) by Vincent's hybrid algorithm. Connectivity is ITK's: face
 * neighbours, or all {@code 3^d - 1} neighbours when fully connected.
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
  static boolean[] keptComponents(
      Grid grid, boolean[] set, boolean[] marker, Verdict verdict, boolean fullyConnected) {
    // One voxel of padding outside the set on every side, so neighbours are index offsets.
    int pz = grid.dimension() == 3 ? 1 : 0;
    Grid padded = new Grid(grid.dimension(), grid.nx() + 2, grid.ny() + 2, grid.nz() + 2 * pz);
    byte[] state = new byte[padded.voxelCount()];
    final byte member = 1;
    final byte special = 2;
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          int i = grid.index(x, y, z);
          if (set[i]) {
            boolean hit = verdict == Verdict.MEETS_MARKER ? marker[i] : onBorder(grid, x, y, z);
            state[padded.index(x + 1, y + 1, z + pz)] = hit ? special : member;
          }
        }
      }
    }
    // Raster union-find: each member joins the components of its earlier neighbours, so the
    // volume is read in memory order (a breadth-first flood jumps between planes at every step).
    int[] earlier = linear(padded, neighbours(grid, fullyConnected), -1);
    int[] parent = new int[padded.voxelCount()];
    for (int p = 0; p < state.length; p++) {
      if (state[p] == 0) {
        continue;
      }
      parent[p] = p;
      for (int step : earlier) {
        int q = p + step;
        if (state[q] != 0) {
          union(parent, p, q);
        }
      }
    }
    java.util.BitSet keptRoots = new java.util.BitSet(state.length);
    for (int p = 0; p < state.length; p++) {
      if (state[p] == special) {
        keptRoots.set(find(parent, p));
      }
    }
    boolean[] keep = new boolean[grid.voxelCount()];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          int p = padded.index(x + 1, y + 1, z + pz);
          keep[grid.index(x, y, z)] = state[p] != 0 && keptRoots.get(find(parent, p));
        }
      }
    }
    return keep;
  }

  /** The root of {@code p}'s tree, halving the path on the way. */
  private static int find(int[] parent, int p) {
    while (parent[p] != p) {
      parent[p] = parent[parent[p]];
      p = parent[p];
    }
    return p;
  }

  /** Joins the trees of {@code a} and {@code b}; the smaller root index becomes the root. */
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra < rb) {
      parent[rb] = ra;
    } else if (rb < ra) {
      parent[ra] = rb;
    }
  }

  private static boolean onBorder(Grid grid, int x, int y, int z) {
    return x == 0
        || y == 0
        || x == grid.nx() - 1
        || y == grid.ny() - 1
        || (grid.dimension() == 3 && (z == 0 || z == grid.nz() - 1));
  }

  /**
   * ITK's {@code GrayscaleFillholeImageFilter}: reconstruction by erosion of a marker equal to the
   * image on its border and to its maximum inside, over the image. Vincent's hybrid algorithm (dual
   * form): a raster and an anti-raster sweep, then a FIFO queue for what the sweeps leave unstable
   * — linear in practice, and exact, since it only compares voxel values.
   */
  static double[] fillHoles(Grid grid, double[] in, boolean fullyConnected) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : in) {
      max = Math.max(max, v);
    }
    // One voxel of padding (+infinity in image and marker) on every side, so that neighbours are
    // plain index offsets: a padding voxel never lowers a minimum and is never queued.
    int pz = grid.dimension() == 3 ? 1 : 0;
    Grid padded = new Grid(grid.dimension(), grid.nx() + 2, grid.ny() + 2, grid.nz() + 2 * pz);
    double[] f = new double[padded.voxelCount()];
    double[] m = new double[padded.voxelCount()];
    java.util.Arrays.fill(f, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(m, Double.POSITIVE_INFINITY);
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          int i = grid.index(x, y, z);
          int p = padded.index(x + 1, y + 1, z + pz);
          f[p] = in[i];
          m[p] = onBorder(grid, x, y, z) ? in[i] : max;
        }
      }
    }
    int[][] offsets = neighbours(grid, fullyConnected);
    int[] all = linear(padded, offsets, 0);
    int[] before = linear(padded, offsets, -1);
    int[] after = linear(padded, offsets, 1);
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        int row = padded.index(1, y + 1, z + pz);
        for (int p = row; p < row + grid.nx(); p++) {
          sweep(f, m, before, p);
        }
      }
    }
    IntQueue queue = new IntQueue(Math.max(padded.voxelCount() / 8, 16));
    for (int z = grid.nz() - 1; z >= 0; z--) {
      for (int y = grid.ny() - 1; y >= 0; y--) {
        int row = padded.index(1, y + 1, z + pz);
        for (int p = row + grid.nx() - 1; p >= row; p--) {
          sweep(f, m, after, p);
          for (int o : after) {
            int q = p + o;
            if (m[q] > m[p] && m[q] > f[q]) {
              queue.add(p);
              break;
            }
          }
        }
      }
    }
    while (!queue.isEmpty()) {
      int p = queue.poll();
      for (int o : all) {
        int q = p + o;
        if (m[q] > m[p] && m[q] != f[q]) {
          m[q] = Math.max(m[p], f[q]);
          queue.add(q);
        }
      }
    }
    double[] out = new double[in.length];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        System.arraycopy(m, padded.index(1, y + 1, z + pz), out, grid.index(0, y, z), grid.nx());
      }
    }
    return out;
  }

  /** {@code m(p) = max(f(p), min(m(p), min over the neighbours of m))}. */
  private static void sweep(double[] f, double[] m, int[] neighbours, int p) {
    double low = m[p];
    for (int o : neighbours) {
      double v = m[p + o];
      if (v < low) {
        low = v;
      }
    }
    m[p] = Math.max(f[p], low);
  }

  /**
   * The offsets as linear index steps in {@code grid}: all of them ({@code sign} 0), or those
   * before ({@code -1}) or after ({@code 1}) the voxel in raster order.
   */
  private static int[] linear(Grid grid, int[][] offsets, int sign) {
    return java.util.Arrays.stream(offsets)
        .mapToInt(o -> o[0] + grid.nx() * (o[1] + grid.ny() * o[2]))
        .filter(step -> sign == 0 || Integer.signum(step) == sign)
        .toArray();
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
