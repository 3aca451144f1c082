package org.voxbeam.transforms.simpleitk;

import org.voxbeam.transforms.image.Grid;

/**
 * Connectivity-based morphology: connected components of a voxel set with a per-component
 * verdict (binary reconstruction, binary fill-hole), and greyscale reconstruction by erosion
 * from the image border (greyscale fill-hole) by priority flooding. Connectivity is ITK's:
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
   * the image on its border and to its maximum inside. Each voxel gets the lowest level at
   * which a path from it reaches the border without crossing higher voxels — computed by
   * flooding from the border voxels in increasing level order.
   */
  static double[] fillHoles(Grid grid, double[] in, boolean fullyConnected) {
    int n = grid.voxelCount();
    double[] level = new double[n];
    boolean[] done = new boolean[n];
    MinHeap heap = new MinHeap(n, level);
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          if (onBorder(grid, x, y, z)) {
            int i = grid.index(x, y, z);
            level[i] = in[i];
            done[i] = true;
            heap.push(i);
          }
        }
      }
    }
    int[][] offsets = neighbours(grid, fullyConnected);
    while (!heap.isEmpty()) {
      int i = heap.pop();
      int x = i % grid.nx();
      int y = (i / grid.nx()) % grid.ny();
      int z = i / (grid.nx() * grid.ny());
      for (int[] o : offsets) {
        int px = x + o[0];
        int py = y + o[1];
        int pz = z + o[2];
        if (px < 0 || py < 0 || pz < 0 || px >= grid.nx() || py >= grid.ny() || pz >= grid.nz()) {
          continue;
        }
        int j = grid.index(px, py, pz);
        if (!done[j]) {
          done[j] = true;
          level[j] = Math.max(in[j], level[i]);
          heap.push(j);
        }
      }
    }
    return level;
  }

  /** A binary min-heap of voxel indices ordered by a level array. */
  private static final class MinHeap {
    private final int[] heap;
    private final double[] key;
    private int size;

    MinHeap(int capacity, double[] key) {
      this.heap = new int[capacity];
      this.key = key;
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(int item) {
      int i = size++;
      heap[i] = item;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (key[heap[parent]] <= key[heap[i]]) {
          break;
        }
        swap(i, parent);
        i = parent;
      }
    }

    int pop() {
      int top = heap[0];
      heap[0] = heap[--size];
      int i = 0;
      while (true) {
        int left = 2 * i + 1;
        if (left >= size) {
          break;
        }
        int child = left + 1 < size && key[heap[left + 1]] < key[heap[left]] ? left + 1 : left;
        if (key[heap[i]] <= key[heap[child]]) {
          break;
        }
        swap(i, child);
        i = child;
      }
      return top;
    }

    private void swap(int a, int b) {
      int t = heap[a];
      heap[a] = heap[b];
      heap[b] = t;
    }
  }
}
