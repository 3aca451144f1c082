package org.voxbeam.transforms.image.ops;

import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.image.Float32Output;
import org.voxbeam.transforms.image.Grid;
import org.voxbeam.transforms.image.Voxels;

/**
 * Connected components of a mask under full connectivity (26 neighbours in 3D, 8 in 2D), as
 * ITK's {@code ConnectedComponent(image, fullyConnected=True)} labels them: background 0, then
 * 1, 2, … in the raster order (x fastest) of each component's first voxel. A flood fill with an
 * explicit queue keeps it linear and safe on volumes of any size.
 *
 * @param labels one label per voxel
 * @param count number of components
 */
public record ConnectedComponents(int[] labels, int count) {

  public static ConnectedComponents of(Voxels voxels) {
    Grid grid = voxels.grid();
    byte[] mask = voxels.toMask();
    int n = grid.voxelCount();
    int[] labels = new int[n];
    int[] queue = new int[n];
    int next = 0;
    for (int seed = 0; seed < n; seed++) {
      if (mask[seed] == 0 || labels[seed] != 0) {
        continue;
      }
      int label = ++next;
      labels[seed] = label;
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      while (head < tail) {
        int i = queue[head++];
        int x = i % grid.nx();
        int y = (i / grid.nx()) % grid.ny();
        int z = i / (grid.nx() * grid.ny());
        for (int dz = -1; dz <= 1; dz++) {
          int zz = z + dz;
          if (zz < 0 || zz >= grid.nz()) {
            continue;
          }
          for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= grid.ny()) {
              continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
              int xx = x + dx;
              if (xx < 0 || xx >= grid.nx()) {
                continue;
              }
              int j = grid.index(xx, yy, zz);
              if (mask[j] != 0 && labels[j] == 0) {
                labels[j] = label;
                queue[tail++] = j;
              }
            }
          }
        }
      }
    }
    return new ConnectedComponents(labels, next);
  }

  /** {@code lcc}: the label image, as {@code float32}. */
  public static ImageValue labelImage(ImageValue image) {
    ConnectedComponents components = of(Voxels.of(image));
    Float32Output out = new Float32Output(image.geometry());
    for (int i = 0; i < components.labels.length; i++) {
      out.set(i, components.labels[i]);
    }
    return out.toValue();
  }

  /** {@code through(a, b)}: the components of {@code b} that contain a voxel of {@code a}. */
  public static ImageValue through(ImageValue a, ImageValue b) {
    Voxels seeds = Voxels.of(a);
    Voxels region = Voxels.of(b);
    seeds.requireSameGrid(region, "through");
    ConnectedComponents components = of(region);
    boolean[] reached = new boolean[components.count + 1];
    for (int i = 0; i < components.labels.length; i++) {
      if (components.labels[i] != 0 && seeds.isSet(i)) {
        reached[components.labels[i]] = true;
      }
    }
    return select(b, components, reached);
  }

  /** {@code maxvol}: the largest component, or all components that tie for largest. */
  public static ImageValue largest(ImageValue image) {
    ConnectedComponents components = of(Voxels.of(image));
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

  private static ImageValue select(ImageValue like, ConnectedComponents components, boolean[] keep) {
    byte[] out = new byte[components.labels.length];
    for (int i = 0; i < out.length; i++) {
      int label = components.labels[i];
      out[i] = label != 0 && keep[label] ? (byte) 1 : 0;
    }
    return Voxels.mask(like.geometry(), out);
  }
}
