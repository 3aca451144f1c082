package org.voxbeam.operators.image.ops;

import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * Connected components as ITK labels them, and the {@code vox1} operators built on them.
 *
 * <p>{@link #label} is ITK's {@code ConnectedComponentImageFilter}: face connectivity (6 neighbours
 * in 3D, 4 in 2D) or full connectivity (26, 8); background 0, then 1, 2, … in the raster order (x
 * fastest) of each component's first voxel. {@link #labelSimilar} is ITK's {@code
 * ScalarConnectedComponentImageFilter}, where neighbours join when their values differ by at most a
 * threshold and the labels keep ITK's provisional numbering, so they need not be consecutive. Both
 * are one raster scan that links each voxel to its already visited neighbours in a union-find
 * forest whose roots are the smallest labels, linear in the number of voxels.
 *
 * <p>The {@code vox1} operators ({@code lcc}, {@code through}, {@code maxvol}) compute what
 * VoxLogicA-2's kernels compute: the image cast to {@code uint8} (so 0.5 and 256 are background),
 * then {@code ConnectedComponent(…, fullyConnected=True)}.
 *
 * @param labels one label per voxel, 0 for background
 * @param count the number of components (the largest label of {@link #label})
 */
public record ConnectedComponents(int[] labels, int count) {

  /**
   * ITK's {@code ConnectedComponentImageFilter} over the non-zero voxels of {@code foreground}.
   * Like ITK it works on runs: the foreground runs of each row get provisional labels in raster
   * order, each run is linked to the overlapping runs of the rows visited before it (with full
   * connectivity, also the diagonally touching ones), and each component takes the rank of its
   * first run.
   */
  public static ConnectedComponents label(Grid grid, byte[] foreground, boolean fullyConnected) {
    Runs runs = Runs.of(grid, foreground);
    Forest forest = new Forest(runs.count);
    int ny = grid.ny();
    for (int row = 0; row < runs.rows(); row++) {
      int y = row % ny;
      int z = row / ny;
      if (y > 0) {
        runs.link(forest, row, row - 1, fullyConnected);
      }
      if (z > 0) {
        int below = row - ny;
        runs.link(forest, row, below, fullyConnected);
        if (fullyConnected && y > 0) {
          runs.link(forest, row, below - 1, true);
        }
        if (fullyConnected && y < ny - 1) {
          runs.link(forest, row, below + 1, true);
        }
      }
    }
    int[] consecutive = new int[runs.count + 1];
    int next = 0;
    for (int provisional = 1; provisional <= runs.count; provisional++) {
      if (forest.find(provisional) == provisional) {
        consecutive[provisional] = ++next;
      }
    }
    int[] labels = new int[grid.voxelCount()];
    int nx = grid.nx();
    for (int row = 0; row < runs.rows(); row++) {
      int base = row * nx;
      for (int k = runs.first[row]; k < runs.first[row + 1]; k++) {
        int label = consecutive[forest.find(k + 1)];
        java.util.Arrays.fill(labels, base + runs.start[k], base + runs.end[k], label);
      }
    }
    return new ConnectedComponents(labels, next);
  }

  /**
   * ITK's {@code ScalarConnectedComponentImageFilter}: every voxel where {@code mask} is set (all
   * of them without a mask) gets a label; a voxel joins a visited neighbour when the absolute
   * difference of their values, stored in the image's pixel type as ITK stores it, is at most
   * {@code threshold} (also in the pixel type). Each component is numbered with the provisional
   * label ITK gave its first voxel, so labels grow in raster order but may skip numbers.
   */
  public static ConnectedComponents labelSimilar(
      Voxels image, byte[] mask, double threshold, boolean fullyConnected) {
    Grid grid = image.grid();
    DType dtype = image.dtype();
    double limit = PixelCast.stored(dtype, threshold);
    double[] values = new double[grid.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = image.get(i);
    }
    Neighbours neighbours = Neighbours.previous(grid, fullyConnected);
    int[] labels = new int[grid.voxelCount()];
    Forest forest = new Forest();
    int nx = grid.nx();
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        boolean[] rowInside = neighbours.rowInside(grid, y, z);
        int row = grid.index(0, y, z);
        for (int x = 0; x < nx; x++) {
          int i = row + x;
          if (mask != null && mask[i] == 0) {
            continue;
          }
          int label = 0;
          for (int k = 0; k < neighbours.size(); k++) {
            int xx = x + neighbours.dx[k];
            if (!rowInside[k] || xx < 0 || xx >= nx) {
              continue;
            }
            int j = i + neighbours.delta[k];
            int other = labels[j];
            if (other != 0 && PixelCast.stored(dtype, Math.abs(values[i] - values[j])) <= limit) {
              label = label == 0 ? other : forest.union(label, other);
            }
          }
          labels[i] = label == 0 ? forest.add() : label;
        }
      }
    }
    int largest = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0) {
        labels[i] = forest.find(labels[i]);
        largest = Math.max(largest, labels[i]);
      }
    }
    return new ConnectedComponents(labels, largest);
  }

  /** {@code lcc}: the label image of the fully connected components, as {@code float32}. */
  public static ImageValue labelImage(ImageValue image) {
    ConnectedComponents components = vox1Components(Voxels.of(image));
    Float32Output out = new Float32Output(image.geometry());
    for (int i = 0; i < components.labels.length; i++) {
      out.set(i, components.labels[i]);
    }
    return out.toValue();
  }

  /**
   * {@code through(a, b)}: the components of {@code b} that contain a voxel of {@code a}. Like
   * VoxLogicA-2's {@code Mask} of the labels by {@code a}, the images must share their grid.
   */
  public static ImageValue through(ImageValue a, ImageValue b) {
    PhysicalSpace.requireSameSpace(b.geometry(), a.geometry(), "image1", "through");
    Voxels seeds = Voxels.of(a);
    ConnectedComponents components = vox1Components(Voxels.of(b));
    boolean[] reached = new boolean[components.count + 1];
    for (int i = 0; i < components.labels.length; i++) {
      if (components.labels[i] != 0 && seeds.isSetAsUint8(i)) {
        reached[components.labels[i]] = true;
      }
    }
    return select(b, components, reached);
  }

  /** {@code maxvol}: the largest component, or all components that tie for largest. */
  public static ImageValue largest(ImageValue image) {
    ConnectedComponents components = vox1Components(Voxels.of(image));
    long[] volumes = new long[components.count + 1];
    for (int label : components.labels) {
      volumes[label]++;
    }
    long best = 0;
    for (int label = 1; label <= components.count; label++) {
      best = Math.max(best, volumes[label]);
    }
    boolean[] keep = new boolean[components.count + 1];
    for (int label = 1; label <= components.count; label++) {
      keep[label] = volumes[label] == best;
    }
    return select(image, components, keep);
  }

  private static ConnectedComponents vox1Components(Voxels voxels) {
    return label(voxels.grid(), voxels.toUint8Mask(), true);
  }

  private static ImageValue select(
      ImageValue like, ConnectedComponents components, boolean[] keep) {
    byte[] out = new byte[components.labels.length];
    for (int i = 0; i < out.length; i++) {
      int label = components.labels[i];
      out[i] = label != 0 && keep[label] ? (byte) 1 : 0;
    }
    return Voxels.mask(like.geometry(), out);
  }

  /**
   * The neighbours visited before a voxel in raster order: the ones ITK's scan links to. With face
   * connectivity those differing by one along one axis, with full connectivity every voxel of the
   * 3×3×3 (3×3) block before the centre.
   */
  private static final class Neighbours {
    final int[] dx;
    final int[] dy;
    final int[] dz;
    final int[] delta;

    private Neighbours(int[] dx, int[] dy, int[] dz, Grid grid) {
      this.dx = dx;
      this.dy = dy;
      this.dz = dz;
      this.delta = new int[dx.length];
      for (int k = 0; k < dx.length; k++) {
        delta[k] = dx[k] + grid.nx() * (dy[k] + grid.ny() * dz[k]);
      }
    }

    static Neighbours previous(Grid grid, boolean fullyConnected) {
      int zRange = grid.dimension() == 3 ? 1 : 0;
      int count = 0;
      int[][] offsets = new int[13][];
      for (int z = -zRange; z <= 0; z++) {
        for (int y = -1; y <= 1; y++) {
          for (int x = -1; x <= 1; x++) {
            boolean before = z < 0 || (z == 0 && (y < 0 || (y == 0 && x < 0)));
            int axes = Math.abs(x) + Math.abs(y) + Math.abs(z);
            if (before && (fullyConnected || axes == 1)) {
              offsets[count++] = new int[] {x, y, z};
            }
          }
        }
      }
      int[] dx = new int[count];
      int[] dy = new int[count];
      int[] dz = new int[count];
      for (int k = 0; k < count; k++) {
        dx[k] = offsets[k][0];
        dy[k] = offsets[k][1];
        dz[k] = offsets[k][2];
      }
      return new Neighbours(dx, dy, dz, grid);
    }

    int size() {
      return dx.length;
    }

    /** Which neighbours of a voxel in row (y, z) lie in the image, leaving x to the caller. */
    boolean[] rowInside(Grid grid, int y, int z) {
      boolean[] inside = new boolean[dx.length];
      for (int k = 0; k < dx.length; k++) {
        int yy = y + dy[k];
        int zz = z + dz[k];
        inside[k] = yy >= 0 && yy < grid.ny() && zz >= 0 && zz < grid.nz();
      }
      return inside;
    }
  }

  /**
   * The foreground runs of every row (x from {@code start} to {@code end}, exclusive), in raster
   * order; row r's runs are {@code first[r]} to {@code first[r + 1]}.
   */
  private static final class Runs {
    final int[] first;
    int[] start = new int[1024];
    int[] end = new int[1024];
    int count;

    private Runs(int rows) {
      first = new int[rows + 1];
    }

    static Runs of(Grid grid, byte[] foreground) {
      int nx = grid.nx();
      int rows = grid.ny() * grid.nz();
      Runs runs = new Runs(rows);
      for (int row = 0; row < rows; row++) {
        int base = row * nx;
        int x = 0;
        while (x < nx) {
          while (x < nx && foreground[base + x] == 0) {
            x++;
          }
          if (x == nx) {
            break;
          }
          int from = x;
          while (x < nx && foreground[base + x] != 0) {
            x++;
          }
          runs.add(from, x);
        }
        runs.first[row + 1] = runs.count;
      }
      return runs;
    }

    int rows() {
      return first.length - 1;
    }

    private void add(int from, int to) {
      if (count == start.length) {
        start = java.util.Arrays.copyOf(start, count * 2);
        end = java.util.Arrays.copyOf(end, count * 2);
      }
      start[count] = from;
      end[count] = to;
      count++;
    }

    /** Joins the runs of {@code row} with the runs of {@code other} they touch. */
    void link(Forest forest, int row, int other, boolean diagonal) {
      int i = first[row];
      int j = first[other];
      int reach = diagonal ? 1 : 0;
      while (i < first[row + 1] && j < first[other + 1]) {
        if (start[i] < end[j] + reach && start[j] < end[i] + reach) {
          forest.union(i + 1, j + 1);
        }
        if (end[i] < end[j]) {
          i++;
        } else {
          j++;
        }
      }
    }
  }

  /** Union-find over provisional labels 1..count; a set's root is its smallest label. */
  private static final class Forest {
    private int[] parent;
    private int count;

    Forest() {
      parent = new int[1024];
    }

    /** A forest of {@code count} singleton labels. */
    Forest(int count) {
      parent = new int[count + 2];
      for (int i = 0; i <= count; i++) {
        parent[i] = i;
      }
      this.count = count;
    }

    int add() {
      if (++count == parent.length) {
        parent = java.util.Arrays.copyOf(parent, parent.length * 2);
      }
      parent[count] = count;
      return count;
    }

    int find(int label) {
      int x = label;
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    int union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return ra;
      }
      if (ra < rb) {
        parent[rb] = ra;
        return ra;
      }
      parent[ra] = rb;
      return rb;
    }
  }
}
