package org.voxbeam.operators.image.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voxbeam.operators.image.TestImages.dims;
import static org.voxbeam.operators.image.TestImages.values;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.TestImages;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.simpleitk.Vox1Neighbourhood;

/**
 * The spatial kernels against plain, obviously correct reference implementations (brute-force
 * neighbourhood scans and all-pairs distances) on seeded random 2D and 3D masks.
 */
class SpatialOperatorsTest {
  /** ITK's distance where there is no contour: the square root of the largest float. */
  private static final double NO_CONTOUR = (float) Math.sqrt(Float.MAX_VALUE);

  private static final List<int[]> SHAPES =
      List.of(new int[] {7, 5}, new int[] {1, 6}, new int[] {6, 5, 4}, new int[] {4, 1, 3});

  @Test
  void nearAndInteriorMatchBruteForce() {
    Random random = new Random(11);
    for (int round = 0; round < 40; round++) {
      for (int[] shape : SHAPES) {
        ImageValue mask = TestImages.randomMask(random, random.nextDouble(), shape);
        assertArrayEquals(referenceBox(mask, true), values(Vox1Neighbourhood.near(mask)));
        assertArrayEquals(referenceBox(mask, false), values(Vox1Neighbourhood.interior(mask)));
      }
    }
  }

  /** Dilation: any in-image neighbour set; erosion: every in-image neighbour set. */
  private static double[] referenceBox(ImageValue mask, boolean dilate) {
    double[] in = values(mask);
    int[] d = dims(mask);
    double[] out = new double[in.length];
    for (int z = 0; z < d[2]; z++) {
      for (int y = 0; y < d[1]; y++) {
        for (int x = 0; x < d[0]; x++) {
          boolean any = false;
          boolean all = true;
          for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                int zz = z + dz;
                if (xx < 0 || yy < 0 || zz < 0 || xx >= d[0] || yy >= d[1] || zz >= d[2]) {
                  continue;
                }
                boolean set = in[xx + d[0] * (yy + d[1] * zz)] != 0;
                any |= set;
                all &= set;
              }
            }
          }
          out[x + d[0] * (y + d[1] * z)] = (dilate ? any : all) ? 1 : 0;
        }
      }
    }
    return out;
  }

  @Test
  void componentsMatchReferenceFloodFill() {
    Random random = new Random(12);
    for (int round = 0; round < 40; round++) {
      for (int[] shape : SHAPES) {
        ImageValue mask = TestImages.randomMask(random, 0.3, shape);
        double[] expected = referenceLabels(mask);
        assertArrayEquals(expected, values(ConnectedComponents.labelImage(mask)));
        ImageValue seeds = TestImages.randomMask(random, 0.05, shape);
        double[] seed = values(seeds);
        boolean[] reached = new boolean[expected.length + 1];
        for (int i = 0; i < seed.length; i++) {
          if (seed[i] != 0 && expected[i] != 0) {
            reached[(int) expected[i]] = true;
          }
        }
        double[] through = values(ConnectedComponents.through(seeds, mask));
        long[] volume = new long[expected.length + 1];
        for (double label : expected) {
          volume[(int) label]++;
        }
        long best = 0;
        for (int l = 1; l < volume.length; l++) {
          best = Math.max(best, volume[l]);
        }
        double[] largest = values(ConnectedComponents.largest(mask));
        for (int i = 0; i < expected.length; i++) {
          int label = (int) expected[i];
          assertEquals(label != 0 && reached[label] ? 1.0 : 0.0, through[i]);
          assertEquals(label != 0 && volume[label] == best ? 1.0 : 0.0, largest[i]);
        }
      }
    }
  }

  /** Labels by breadth-first search over 26 neighbours, numbered in raster order of first voxel. */
  private static double[] referenceLabels(ImageValue mask) {
    double[] in = values(mask);
    int[] d = dims(mask);
    double[] labels = new double[in.length];
    int next = 0;
    for (int start = 0; start < in.length; start++) {
      if (in[start] == 0 || labels[start] != 0) {
        continue;
      }
      labels[start] = ++next;
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        int i = queue.poll();
        for (int j = 0; j < in.length; j++) {
          if (in[j] != 0 && labels[j] == 0 && chebyshev(i, j, d) <= 1) {
            labels[j] = next;
            queue.add(j);
          }
        }
      }
    }
    return labels;
  }

  private static int chebyshev(int i, int j, int[] d) {
    int dx = Math.abs(i % d[0] - j % d[0]);
    int dy = Math.abs((i / d[0]) % d[1] - (j / d[0]) % d[1]);
    int dz = Math.abs(i / (d[0] * d[1]) - j / (d[0] * d[1]));
    return Math.max(dx, Math.max(dy, dz));
  }

  @Test
  void signedDistanceMatchesAllPairsReference() {
    Random random = new Random(13);
    for (int round = 0; round < 30; round++) {
      for (int[] shape : SHAPES) {
        ImageValue mask =
            withSpacing(
                TestImages.randomMask(random, 0.4, shape),
                0.5 + random.nextDouble(),
                1.0 + random.nextDouble());
        double[] expected = referenceSignedDistance(mask);
        double[] actual = values(MaurerDistance.vox1(mask));
        for (int i = 0; i < expected.length; i++) {
          if (Double.isInfinite(expected[i])) {
            assertEquals(Math.signum(expected[i]) * NO_CONTOUR, actual[i]);
          } else {
            assertEquals(expected[i], actual[i], 1e-5, "voxel " + i);
          }
        }
      }
    }
  }

  @Test
  void distanceOfASinglePointInAnAnisotropicPlane() {
    ImageValue mask = withSpacing(TestImages.randomMask(new Random(1), 0, 5, 3), 2.0, 0.5);
    byte[] bytes = new byte[15];
    bytes[2 + 5] = 1;
    mask = Voxels.mask(mask.geometry(), bytes);
    double[] d = values(MaurerDistance.vox1(mask));
    assertEquals(-0.0, d[7], "a contour voxel inside the object is -0, as ITK writes it");
    assertEquals(2.0, d[6], 1e-6);
    assertEquals(4.0, d[5], 1e-6);
    assertEquals(0.5, d[2], 1e-6);
    assertEquals(Math.sqrt(4 * 4 + 0.5 * 0.5), d[0], 1e-6);
  }

  /**
   * Distance from every voxel to every contour voxel (object voxel with a background neighbour).
   */
  private static double[] referenceSignedDistance(ImageValue mask) {
    double[] in = values(mask);
    int[] d = dims(mask);
    List<Double> sp = mask.geometry().spacing();
    double sz = sp.size() > 2 ? sp.get(2) : 1.0;
    boolean[] contour = new boolean[in.length];
    for (int i = 0; i < in.length; i++) {
      if (in[i] == 0) {
        continue;
      }
      for (int j = 0; j < in.length; j++) {
        if (in[j] == 0 && chebyshev(i, j, d) == 1) {
          contour[i] = true;
        }
      }
    }
    double[] out = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < in.length; j++) {
        if (contour[j]) {
          double dx = (i % d[0] - j % d[0]) * sp.get(0);
          double dy = ((i / d[0]) % d[1] - (j / d[0]) % d[1]) * sp.get(1);
          double dz = (i / (d[0] * d[1]) - j / (d[0] * d[1])) * sz;
          best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
      }
      out[i] = in[i] != 0 && best > 0 ? -best : best;
    }
    return out;
  }

  static ImageValue withSpacing(ImageValue image, double sx, double sy) {
    ImageGeometry g = image.geometry();
    List<Double> spacing = g.dimension() == 2 ? List.of(sx, sy) : List.of(sx, sy, (sx + sy) / 2);
    return new ImageValue(
        new ImageGeometry(g.size(), spacing, g.origin(), g.direction()),
        image.dtype(),
        image.voxels());
  }
}
