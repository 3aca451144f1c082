package org.voxbeam.operators.image.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.operators.image.TestImages.values;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.bool;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;

/**
 * The {@code vox1} operators VoxLogicA-2 builds on SimpleITK compute exactly what its kernels
 * compute: the same SimpleITK calls with the same casts (the image cast to {@code uint8} first,
 * fully connected components, the distance map's arguments), compared byte for byte with the {@code
 * simpleitk} procedures VoxBeam implements.
 */
class Vox1SimpleItkParityTest {
  /** Values whose uint8 cast is not their truth value: 0.5 and 256 are 0, -1 is 255. */
  private static final float[] LEVELS = {0f, 0f, 0f, 0.5f, 1f, 3f, 256f, -1f, 0.99f};

  private static ImageValue floatImage(Random random, int... size) {
    List<Long> s =
        size.length == 2
            ? List.of((long) size[0], (long) size[1])
            : List.of((long) size[0], (long) size[1], (long) size[2]);
    int dims = size.length;
    ImageGeometry g =
        new ImageGeometry(
            s,
            dims == 2 ? List.of(0.9, 1.7) : List.of(0.9, 1.7, 1.3),
            dims == 2 ? List.of(-2.0, 5.0) : List.of(-2.0, 5.0, 1.5),
            dims == 2
                ? List.of(1.0, 0.0, 0.0, -1.0)
                : List.of(1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0));
    int n = (int) g.voxelCount();
    ByteBuffer bytes = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      bytes.putFloat(LEVELS[random.nextInt(LEVELS.length)]);
    }
    return new ImageValue(g, DType.FLOAT32, InMemoryBlob.adopt(bytes.array()));
  }

  private static ImageValue asUint8(ImageValue image) {
    return (ImageValue) apply("simpleitk.Cast", image, num(1));
  }

  private static byte[] bytes(Value image) throws IOException {
    return ((ImageValue) image).voxels().readAllBytes();
  }

  @Test
  void labelsDistancesAndVolumeAreTheSimpleItkCallsVoxLogicA2Makes() throws IOException {
    Random random = new Random(41);
    for (int round = 0; round < 20; round++) {
      ImageValue image = round % 2 == 0 ? floatImage(random, 7, 6, 5) : floatImage(random, 9, 8);
      ImageValue mask = asUint8(image);
      ImageValue components = (ImageValue) apply("simpleitk.ConnectedComponent", mask, bool(true));
      assertArrayEquals(
          bytes(apply("simpleitk.Cast", components, num(8))), bytes(apply("vox1.lcc", image)));
      assertArrayEquals(bytes(apply("vox1.lcc", image)), bytes(apply("vox1.Lcc", image)));
      Value distance =
          apply(
              "simpleitk.SignedMaurerDistanceMap",
              mask,
              bool(false),
              bool(false),
              bool(true),
              num(0));
      assertArrayEquals(bytes(distance), bytes(apply("vox1.dt", image)), "dt, -0 included");
      double[] m = values(mask);
      long count = java.util.Arrays.stream(m).filter(v -> v != 0).count();
      assertEquals(count, ((NumberValue) apply("vox1.volume", image)).value());
      assertEquals(count, ((NumberValue) apply("vox1.vol", image)).value());

      double[] labels = values(components);
      long[] sizes = new long[labels.length + 1];
      for (double l : labels) {
        sizes[(int) l]++;
      }
      long best = 0;
      for (int l = 1; l < sizes.length; l++) {
        best = Math.max(best, sizes[l]);
      }
      double[] largest = values((ImageValue) apply("vox1.maxvol", image));
      int[] size = image.geometry().size().stream().mapToInt(Long::intValue).toArray();
      ImageValue seeds = floatImage(random, size);
      double[] seed = values(asUint8(seeds));
      boolean[] reached = new boolean[sizes.length];
      for (int i = 0; i < labels.length; i++) {
        if (seed[i] != 0 && labels[i] != 0) {
          reached[(int) labels[i]] = true;
        }
      }
      double[] through = values((ImageValue) apply("vox1.through", seeds, image));
      for (int i = 0; i < labels.length; i++) {
        int label = (int) labels[i];
        assertEquals(label != 0 && sizes[label] == best ? 1.0 : 0.0, largest[i], "maxvol");
        assertEquals(label != 0 && reached[label] ? 1.0 : 0.0, through[i], "through");
      }
    }
  }

  @Test
  void extractIsSimpleItkExtractWithVoxLogicA2sThreeEntryVectors() throws IOException {
    ImageValue volume = floatImage(new Random(42), 7, 6, 5);
    Value size = seq(num(7), num(6), num(0));
    Value index = seq(num(0), num(0), num(3));
    ImageValue slice = (ImageValue) apply("vox1.extract", volume, size, index);
    assertArrayEquals(bytes(apply("simpleitk.Extract", volume, size, index)), bytes(slice));
    assertEquals(List.of(7L, 6L), slice.geometry().size());
    assertEquals(
        List.of(-2.0, 5.0), slice.geometry().origin(), "a dropped axis does not move the origin");
    ImageValue plane = floatImage(new Random(43), 9, 8);
    ImageValue cut =
        (ImageValue)
            apply("vox1.extract", plane, seq(num(3), num(2), num(1)), seq(num(1), num(2), num(0)));
    assertEquals(
        List.of(3L, 2L),
        cut.geometry().size(),
        "a 2D image uses the first two entries, as SimpleITK does");
    String message =
        assertThrows(
                OperatorException.class,
                () -> apply("vox1.extract", volume, seq(num(1), num(1)), seq(num(0), num(0))))
            .getMessage();
    assertEquals("extract: size must have length 3, got 2", message);
  }

  @Test
  void throughNeedsBothImagesInTheSameSpaceAsSimpleItksMaskDoes() {
    ImageValue a = floatImage(new Random(44), 7, 6, 5);
    ImageGeometry g = a.geometry();
    ImageGeometry elsewhere =
        new ImageGeometry(g.size(), g.spacing(), List.of(0.0, 0.0, 0.0), g.direction());
    ImageValue moved = new ImageValue(elsewhere, a.dtype(), a.voxels());
    String message =
        assertThrows(OperatorException.class, () -> apply("vox1.through", moved, a)).getMessage();
    assertTrue(message.contains("do not occupy the same physical space"), message);
  }
}
