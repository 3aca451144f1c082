package org.voxbeam.operators.image.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.operators.image.TestImages.dims;
import static org.voxbeam.operators.image.TestImages.values;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;
import static org.voxbeam.operators.library.OperatorFixture.str;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.TestImages;
import org.voxbeam.operators.library.StandardLibrary;

/** The registered vox1 image operators against plain per-voxel references on random images. */
class Vox1ImageOperatorsTest {
  private static final List<int[]> SHAPES = List.of(new int[] {6, 5}, new int[] {5, 4, 3});

  /**
   * VoxLogicA-2's vox1 image operators are SimpleITK calls, so they compute in the image's pixel
   * type: uint8 sums wrap, division is integer division with 255 for a zero divisor, a scalar is
   * cast to the pixel type first, and {@code and} is SimpleITK's bitwise {@code And}.
   */
  @Test
  void pointwiseOperatorsComputeAsVoxLogicA2sSimpleItkCallsDo() {
    Random random = new Random(21);
    for (int[] shape : SHAPES) {
      ImageValue a = TestImages.randomUint8(random, 200, shape);
      ImageValue b = TestImages.randomUint8(random, 5, shape);
      double[] av = values(a);
      double[] bv = values(b);
      double[] sum = values((ImageValue) apply("vox1.+", a, b));
      double[] leftScalar = values((ImageValue) apply("vox1.-", num(3), a));
      double[] quotient = values((ImageValue) apply("vox1./", a, b));
      double[] greater = values((ImageValue) apply("vox1.>", num(100), a));
      double[] above = values((ImageValue) apply("vox1.>", a, num(99.5)));
      double[] geq = values((ImageValue) apply("vox1.geq_sv", num(100), a));
      double[] between = values((ImageValue) apply("vox1.between", num(50), num(120), a));
      double[] zero = values((ImageValue) apply("vox1.eq_sv", num(0.5), b));
      double[] and = values((ImageValue) apply("vox1.and", apply("vox1.>", a, num(50)), b));
      double[] not = values((ImageValue) apply("vox1.not", b));
      double[] masked = values((ImageValue) apply("vox1.mask", a, b));
      double[] halved = values((ImageValue) apply("vox1.div_vs", a, num(2)));
      for (int i = 0; i < av.length; i++) {
        assertEquals(((int) av[i] + (int) bv[i]) & 0xff, sum[i]);
        assertEquals((3 - (int) av[i]) & 0xff, leftScalar[i]);
        assertEquals(bv[i] == 0 ? 255 : (int) av[i] / (int) bv[i], quotient[i]);
        assertEquals(100 > av[i] ? 1 : 0, greater[i]);
        assertEquals(av[i] > 99 ? 1 : 0, above[i], "99.5 is cast to the uint8 99 first");
        assertEquals(av[i] >= 100 ? 1 : 0, geq[i]);
        assertEquals(av[i] >= 50 && av[i] <= 120 ? 1 : 0, between[i]);
        assertEquals(bv[i] == 0 ? 1 : 0, zero[i], "eq_sv(0.5, b) thresholds at the uint8 0");
        assertEquals((av[i] > 50 ? 1 : 0) & (int) bv[i], and[i], "And is bitwise");
        assertEquals(bv[i] == 0 ? 1 : 0, not[i]);
        assertEquals(bv[i] != 0 ? av[i] : 0, masked[i]);
        assertEquals(0, halved[i], "div_vs multiplies by 1/2, which is 0 as a uint8");
      }
      assertEquals(DType.UINT8, ((ImageValue) apply("vox1.*", a, num(2))).dtype());
      assertEquals(DType.UINT8, ((ImageValue) apply("vox1.mask", a, b)).dtype());
      ImageValue real = (ImageValue) apply("simpleitk.Cast", a, num(8));
      assertEquals(DType.FLOAT32, ((ImageValue) apply("vox1.*", real, num(2))).dtype());
      String mixed =
          assertThrows(OperatorException.class, () -> apply("vox1.+", a, real)).getMessage();
      assertTrue(mixed.startsWith("Add: input image2 has pixel type 32-bit float"), mixed);
      String inverted =
          assertThrows(OperatorException.class, () -> apply("vox1.between", num(120), num(50), a))
              .getMessage();
      assertEquals(
          "BinaryThreshold: Lower threshold cannot be greater than upper threshold.", inverted);
      String bitwise =
          assertThrows(OperatorException.class, () -> apply("vox1.and", real, a)).getMessage();
      assertTrue(bitwise.contains("pixel type 32-bit float is not supported"), bitwise);
      Value pair = apply("vox1.+", seq(a, num(1)), num(1));
      assertEquals(num(2.0), ((org.voxbeam.kernel.value.SequenceValue) pair).items().get(1));
      assertEquals(
          Arrays.stream(av).max().orElseThrow(), ((NumberValue) apply("vox1.max", a)).value());
      assertEquals(
          Arrays.stream(av).min().orElseThrow(), ((NumberValue) apply("vox1.min", a)).value());
      assertEquals(
          Arrays.stream(bv).filter(v -> v != 0).count(),
          ((NumberValue) apply("vox1.volume", b)).value());
      double mean = 0;
      int count = 0;
      for (int i = 0; i < av.length; i++) {
        if (bv[i] != 0) {
          mean += av[i];
          count++;
        }
      }
      assertEquals(mean / count, ((NumberValue) apply("vox1.avg", a, b)).value(), 1e-9);
    }
  }

  @Test
  void percentilesMatchRankCounting() {
    Random random = new Random(22);
    for (int round = 0; round < 20; round++) {
      for (int[] shape : SHAPES) {
        ImageValue a = TestImages.randomUint8(random, 8, shape);
        ImageValue m = TestImages.randomMask(random, 0.6, shape);
        double[] av = values(a);
        double[] mv = values(m);
        double[] actual = values((ImageValue) apply("vox1.percentiles", a, m, num(0.5)));
        long population = Arrays.stream(mv).filter(v -> v != 0).count();
        for (int i = 0; i < av.length; i++) {
          if (mv[i] == 0) {
            assertEquals(-1.0, actual[i]);
            continue;
          }
          long below = 0;
          long equal = 0;
          for (int j = 0; j < av.length; j++) {
            if (mv[j] != 0 && av[j] < av[i]) {
              below++;
            } else if (mv[j] != 0 && av[j] == av[i]) {
              equal++;
            }
          }
          assertEquals((float) ((below + 0.5 * equal) / population), actual[i]);
        }
      }
    }
  }

  @Test
  void crossCorrelationMatchesDirectHistograms() {
    Random random = new Random(23);
    for (int[] shape : SHAPES) {
      ImageValue a = TestImages.randomUint8(random, 10, shape);
      ImageValue b = TestImages.randomUint8(random, 10, shape);
      ImageValue fb = TestImages.randomMask(random, 0.7, shape);
      double[] actual =
          values(
              (ImageValue)
                  apply("vox1.crossCorrelation", num(1.4), a, b, fb, num(0), num(9), num(4)));
      double[] av = values(a);
      double[] bv = values(b);
      double[] fv = values(fb);
      int[] d = dims(a);
      long[] ref = new long[4];
      for (int i = 0; i < bv.length; i++) {
        int bin = CrossCorrelation.binOf(0, 9, 9 / 4.0, 4, bv[i]);
        if (fv[i] != 0 && bin >= 0) {
          ref[bin]++;
        }
      }
      for (int i = 0; i < av.length; i++) {
        long[] local = new long[4];
        for (int j = 0; j < av.length; j++) {
          int dx = Math.abs(i % d[0] - j % d[0]);
          int dy = Math.abs((i / d[0]) % d[1] - (j / d[0]) % d[1]);
          int dz = Math.abs(i / (d[0] * d[1]) - j / (d[0] * d[1]));
          int bin = CrossCorrelation.binOf(0, 9, 9 / 4.0, 4, av[j]);
          if (dx <= 1 && dy <= 1 && dz <= 1 && bin >= 0) {
            local[bin]++;
          }
        }
        assertEquals((float) pearson(local, ref), actual[i], 1e-6);
      }
    }
  }

  private static double pearson(long[] h1, long[] h2) {
    double m1 = Arrays.stream(h1).average().orElseThrow();
    double m2 = Arrays.stream(h2).average().orElseThrow();
    double num = 0;
    double d1 = 0;
    double d2 = 0;
    for (int i = 0; i < h1.length; i++) {
      num += (h1[i] - m1) * (h2[i] - m2);
      d1 += (h1[i] - m1) * (h1[i] - m1);
      d2 += (h2[i] - m2) * (h2[i] - m2);
    }
    if (d1 == 0 && d2 == 0) {
      return 1;
    }
    return d1 == 0 || d2 == 0 ? 0 : num / Math.sqrt(d1 * d2);
  }

  @Test
  void gradientAndCoordinatesAtBordersAndCorners() {
    OperatorRegistry registry = StandardLibrary.registry();
    ImageValue ramp = TestImages.randomUint8(new Random(1), 1, 4, 3, 2);
    Arguments onRamp = new ImageModel(ramp).attachTo(Arguments.of(List.of()));
    double[] x = values((ImageValue) registry.require("vox1.x").apply(onRamp));
    double[] z = values((ImageValue) registry.require("vox1.z").apply(onRamp));
    double[] border = values((ImageValue) registry.require("vox1.border").apply(onRamp));
    assertEquals(3.0, x[3]);
    assertEquals(1.0, z[12]);
    assertEquals(24, border.length);
    assertEquals(
        24, Arrays.stream(border).sum(), "with 2 slices in z every voxel is on the border");
    ImageValue xImage = (ImageValue) registry.require("vox1.x").apply(onRamp);
    double[] g =
        values(
            (ImageValue)
                registry
                    .require("vox1.gradient")
                    .apply(
                        Arguments.of(
                            List.of(
                                registry
                                    .require("vox1.*")
                                    .apply(Arguments.of(List.of(xImage, num(2))))))));
    assertEquals(1.0, g[0], 1e-6, "corner: one-sided (2 - 0) / 2");
    assertEquals(2.0, g[1], 1e-6, "inside: (4 - 0) / 2");
    assertEquals(1.0, g[3], 1e-6, "far corner: (6 - 4) / 2");
  }

  @Test
  void makersFollowTheModelTheyAreGivenAndNameTheFixWithoutOne() {
    OperatorRegistry registry = StandardLibrary.registry();
    ImageValue small = TestImages.randomUint8(new Random(2), 1, 4, 3, 2);
    ImageValue large = TestImages.randomUint8(new Random(3), 1, 5, 5, 5);
    registry.require("vox1.abs").apply(Arguments.of(List.of(large)));
    ImageValue constant =
        (ImageValue)
            registry
                .require("vox1.constant")
                .apply(new ImageModel(small).attachTo(Arguments.of(List.of(num(7)))));
    assertEquals(small.geometry(), constant.geometry(), "no memory of images other operators saw");
    assertArrayEquals(new double[24], Arrays.stream(values(constant)).map(v -> v - 7).toArray());
    String message =
        assertThrows(
                OperatorException.class,
                () -> registry.require("vox1.tt").apply(Arguments.of(List.of())))
            .getMessage();
    assertTrue(message.startsWith("No model loaded: tt builds an image"), message);
    assertTrue(message.contains("load an image (ReadImage or load)"), message);
  }

  @Test
  void theModelIsTheFirstLoadedImageAndLoadsMustAgreeInSize() {
    ImageValue a = TestImages.randomUint8(new Random(4), 1, 4, 3, 2);
    ImageValue b = TestImages.randomUint8(new Random(5), 1, 4, 3, 2);
    ImageValue other = TestImages.randomUint8(new Random(6), 1, 3, 3, 2);
    assertEquals(Optional.of(new ImageModel(a)), ImageModel.of(List.of(str("notes.txt"), a, b)));
    assertEquals(Optional.empty(), ImageModel.of(List.of(str("notes.txt"))));
    String message =
        assertThrows(OperatorException.class, () -> ImageModel.of(List.of(a, other))).getMessage();
    assertTrue(message.contains("differ in size (4×3×2 and 3×3×2)"), message);
  }

  @Test
  void otsuSeparatesTwoClassesAndDivVsRefusesZero() {
    byte[] two = new byte[40];
    for (int i = 0; i < 40; i++) {
      two[i] = (byte) (i < 25 ? 10 + i % 3 : 200 + i % 5);
    }
    ImageValue image =
        new ImageValue(TestImages.geometry(8, 5), DType.UINT8, InMemoryBlob.adopt(two));
    ImageValue all = (ImageValue) apply("vox1.>=", image, num(0));
    double[] otsu = values((ImageValue) apply("vox1.otsu", image, all, num(64)));
    for (int i = 0; i < 40; i++) {
      assertEquals(i < 25 ? 0.0 : 1.0, otsu[i]);
    }
    assertEquals(
        "float division by zero",
        assertThrows(OperatorException.class, () -> apply("vox1.div_vs", image, num(0)))
            .getMessage());
    ImageValue cut =
        (ImageValue) apply("vox1.extract", image, seq(num(3), num(2)), seq(num(1), num(2)));
    assertEquals(List.of(3L, 2L), cut.geometry().size());
    assertArrayEquals(
        new double[] {
          values(image)[17],
          values(image)[18],
          values(image)[19],
          values(image)[25],
          values(image)[26],
          values(image)[27]
        },
        values(cut));
    assertEquals(List.of(1.0, 2.0), cut.geometry().origin());
  }
}
