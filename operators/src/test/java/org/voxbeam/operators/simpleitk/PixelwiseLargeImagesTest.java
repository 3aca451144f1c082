package org.voxbeam.operators.simpleitk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voxbeam.operators.library.OperatorFixture.bool;
import static org.voxbeam.operators.library.OperatorFixture.num;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.TestImages;
import org.voxbeam.operators.image.Voxels;

/**
 * The pixel-wise procedures on images of several slabs whose size is no multiple of a block, so the
 * parallel slabs and the block offsets are exercised (the ITK reference vectors are single blocks),
 * against per-voxel computations of ITK's semantics.
 */
class PixelwiseLargeImagesTest {
  /** 154,283 voxels: three slabs of 65,536, the last one partial, blocks of 4,096 not aligned. */
  private static final int[] SIZE = {71, 53, 41};

  private final Random random = new Random(5);

  @Test
  void arithmeticOnFloatsMatchesFloatArithmeticVoxelByVoxel() {
    ImageValue a = floats(-100, 100);
    ImageValue b = floats(-3, 3);
    checkFloats(apply("simpleitk.Add", a, b), a, b, (x, y) -> (float) x + (float) y);
    checkFloats(apply("simpleitk.Multiply", a, num(0.1)), a, b, (x, y) -> (float) x * 0.1f);
    checkFloats(
        apply("simpleitk.Divide", num(2), b),
        b,
        b,
        (x, y) -> Math.abs((float) x) <= 1.2e-8f ? Float.MAX_VALUE : 2f / (float) x);
    checkFloats(apply("simpleitk.Sqrt", a), a, a, (x, y) -> (float) Math.sqrt(x));
    checkFloats(apply("simpleitk.Abs", a), a, a, (x, y) -> Math.abs((float) x));
    checkFloats(
        apply("simpleitk.Threshold", a, num(-50), num(50), num(7)),
        a,
        a,
        (x, y) -> x >= -50 && x <= 50 ? x : 7);
    checkFloats(
        apply("simpleitk.Mask", a, apply("simpleitk.Greater", b, num(0))),
        a,
        b,
        (x, y) -> y > 0 ? x : 0);
  }

  @Test
  void integerArithmeticWrapsVoxelByVoxel() {
    ImageValue a = TestImages.randomUint8(random, 256, SIZE);
    ImageValue b = TestImages.randomUint8(random, 4, SIZE);
    check(apply("simpleitk.Add", a, b), a, b, (x, y) -> ((int) x + (int) y) & 0xff);
    check(apply("simpleitk.Subtract", num(3), a), a, a, (x, y) -> (3 - (int) x) & 0xff);
    check(apply("simpleitk.Divide", a, b), a, b, (x, y) -> y == 0 ? 255 : (int) x / (int) y);
    check(apply("simpleitk.Modulus", a, b), a, b, (x, y) -> y == 0 ? 255 : (int) x % (int) y);
    check(apply("simpleitk.And", a, num(6)), a, a, (x, y) -> (int) x & 6);
    check(apply("simpleitk.Not", b), b, b, (x, y) -> x == 0 ? 1 : 0);
    check(apply("simpleitk.NaryAdd", a, a, b), a, b, (x, y) -> ((int) (2 * x + y)) & 0xff);
  }

  @Test
  void comparisonsAndThresholdsGiveMasksVoxelByVoxel() {
    ImageValue a = floats(0, 255);
    ImageValue s = apply16(a);
    check(apply("simpleitk.GreaterEqual", a, num(100)), a, a, (x, y) -> (float) x >= 100 ? 1 : 0);
    check(apply("simpleitk.NotEqual", s, s), s, s, (x, y) -> 0);
    check(apply("simpleitk.Less", num(100.5), s), s, s, (x, y) -> 100 < x ? 1 : 0);
    check(
        apply("simpleitk.BinaryThreshold", s, num(20.7), num(80.2), num(255), num(3)),
        s,
        s,
        (x, y) -> x >= 20 && x <= 80 ? 255 : 3);
    ImageValue mask = apply("simpleitk.Greater", a, num(30));
    ImageValue otsu =
        apply("simpleitk.OtsuThreshold", a, mask, num(0), num(1), num(64), bool(true), num(1));
    Voxels o = Voxels.of(otsu);
    Voxels m = Voxels.of(mask);
    for (int i = 0; i < o.voxelCount(); i++) {
      if (m.get(i) == 0) {
        assertEquals(0, o.get(i), "masked out at " + i);
      }
    }
  }

  private ImageValue floats(double lo, double hi) {
    int n = SIZE[0] * SIZE[1] * SIZE[2];
    ByteBuffer bytes = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      bytes.putFloat(i * 4, (float) (lo + random.nextDouble() * (hi - lo)));
    }
    return new ImageValue(
        TestImages.geometry(SIZE), DType.FLOAT32, InMemoryBlob.adopt(bytes.array()));
  }

  private static ImageValue apply16(ImageValue image) {
    return apply("simpleitk.Cast", image, num(2));
  }

  private static ImageValue apply(String operator, Value... arguments) {
    return (ImageValue) org.voxbeam.operators.library.OperatorFixture.apply(operator, arguments);
  }

  private static void checkFloats(
      ImageValue result, ImageValue a, ImageValue b, DoubleBinaryOperator expected) {
    assertEquals(DType.FLOAT32, result.dtype());
    check(result, a, b, (x, y) -> (float) expected.applyAsDouble(x, y));
  }

  private static void check(
      ImageValue result, ImageValue a, ImageValue b, DoubleBinaryOperator expected) {
    Voxels r = Voxels.of(result);
    Voxels x = Voxels.of(a);
    Voxels y = Voxels.of(b);
    for (int i = 0; i < r.voxelCount(); i++) {
      double want = expected.applyAsDouble(x.get(i), y.get(i));
      double got = r.get(i);
      if (!(Double.isNaN(want) && Double.isNaN(got))) {
        assertEquals(want, got, "voxel " + i);
      }
    }
  }
}
