package org.voxbeam.operators.image;

import java.util.List;
import java.util.Random;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/** Small seeded random images for property tests, and readers of image values. */
public final class TestImages {
  private TestImages() {}

  public static ImageGeometry geometry(int... size) {
    List<Long> s =
        size.length == 2
            ? List.of((long) size[0], (long) size[1])
            : List.of((long) size[0], (long) size[1], (long) size[2]);
    List<Double> spacing = size.length == 2 ? List.of(1.0, 1.0) : List.of(1.0, 1.0, 1.0);
    List<Double> origin = size.length == 2 ? List.of(0.0, 0.0) : List.of(0.0, 0.0, 0.0);
    List<Double> direction =
        size.length == 2
            ? List.of(1.0, 0.0, 0.0, 1.0)
            : List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0);
    return new ImageGeometry(s, spacing, origin, direction);
  }

  public static ImageValue randomMask(Random random, double density, int... size) {
    ImageGeometry g = geometry(size);
    byte[] out = new byte[(int) g.voxelCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextDouble() < density ? (byte) 1 : 0;
    }
    return Voxels.mask(g, out);
  }

  public static ImageValue randomUint8(Random random, int bound, int... size) {
    ImageGeometry g = geometry(size);
    byte[] out = new byte[(int) g.voxelCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) random.nextInt(bound);
    }
    return new ImageValue(g, DType.UINT8, InMemoryBlob.adopt(out));
  }

  public static double[] values(ImageValue image) {
    Voxels v = Voxels.of(image);
    double[] out = new double[v.voxelCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** Dimensions as {nx, ny, nz} (nz = 1 for 2D). */
  public static int[] dims(ImageValue image) {
    Grid g = Grid.of(image.geometry());
    return new int[] {g.nx(), g.ny(), g.nz()};
  }
}
