package org.voxbeam.operators.simpleitk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.TestImages;
import org.voxbeam.operators.library.StandardLibrary;

/**
 * {@code vox1}'s {@code near}, {@code interior} and {@code gradient} are VoxLogicA-2's SimpleITK
 * calls: the byte kernels give what the {@code simpleitk} procedures give for the same casts and
 * arguments, on images that are not 0/1 masks too.
 */
class Vox1NeighbourhoodTest {
  private static final OperatorRegistry REGISTRY = StandardLibrary.registry();
  private static final List<int[]> SHAPES =
      List.of(new int[] {7, 5}, new int[] {1, 6}, new int[] {6, 5, 4}, new int[] {4, 1, 3});

  @Test
  void nearAndInteriorAreBinaryDilateAndErodeOfTheUInt8Cast() {
    Random random = new Random(21);
    for (DType type : List.of(DType.UINT8, DType.INT16, DType.FLOAT32, DType.FLOAT64)) {
      for (int[] shape : SHAPES) {
        ImageValue image = random(random, type, shape);
        Value cast = call("Cast", image, num(PixelId.UINT8.value()));
        List<Value> box = List.of(new SequenceValue(List.of(num(1), num(1), num(1))), num(2));
        assertArrayEquals(
            TestImages.values(
                (ImageValue) call("BinaryDilate", cast, box.get(0), box.get(1), num(1.0))),
            TestImages.values(Vox1Neighbourhood.near(image)),
            type + " near");
        assertArrayEquals(
            TestImages.values(
                (ImageValue) call("BinaryErode", cast, box.get(0), box.get(1), num(0.0))),
            TestImages.values(Vox1Neighbourhood.interior(image)),
            type + " interior");
      }
    }
  }

  @Test
  void valuesOtherThanOneSurviveAsTheirCast() {
    ImageValue row = image(DType.FLOAT32, new double[] {1, 0, 0, 2.9, 0.7, 0, 257}, 7, 1);
    assertArrayEquals(
        new double[] {1, 1, 0, 2, 0, 1, 1},
        TestImages.values(Vox1Neighbourhood.near(row)),
        "2.9 casts to 2, not foreground; 257 casts to 1 and grows; 0.7 casts to 0");
    ImageValue block = image(DType.UINT8, new double[] {1, 1, 1, 2, 1, 1}, 6, 1);
    assertArrayEquals(
        new double[] {1, 1, 0, 2, 0, 1},
        TestImages.values(Vox1Neighbourhood.interior(block)),
        "the border counts as foreground; 2 is kept; ones next to it erode");
  }

  @Test
  void gradientIsGradientMagnitudeOfTheFloat32Cast() {
    Random random = new Random(22);
    for (DType type : List.of(DType.UINT8, DType.INT16, DType.FLOAT64)) {
      for (int[] shape : SHAPES) {
        ImageValue image = random(random, type, shape);
        ImageValue expected =
            (ImageValue)
                call("GradientMagnitude", call("Cast", image, num(PixelId.FLOAT32.value())));
        ImageValue actual = Vox1Neighbourhood.gradient(image);
        assertEquals(DType.FLOAT32, actual.dtype());
        assertArrayEquals(TestImages.values(expected), TestImages.values(actual));
      }
    }
  }

  private static Value call(String procedure, Value... args) {
    return REGISTRY.require("simpleitk." + procedure).apply(Arguments.of(List.of(args)));
  }

  private static NumberValue num(double v) {
    return new NumberValue(v);
  }

  private static ImageValue random(Random random, DType type, int... shape) {
    ImageGeometry g = TestImages.geometry(shape);
    double[] values = new double[(int) g.voxelCount()];
    for (int i = 0; i < values.length; i++) {
      double u = random.nextDouble();
      values[i] = u < 0.45 ? 1 : u < 0.8 ? 0 : type == DType.UINT8 ? 2 : -1.5 + 4 * u;
    }
    return image(type, values, shape);
  }

  private static ImageValue image(DType type, double[] values, int... shape) {
    ImageGeometry g = TestImages.geometry(shape);
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; i++) {
      PixelCast.put(buffer, type, i, values[i]);
    }
    return new ImageValue(g, type, InMemoryBlob.adopt(buffer.array()));
  }
}
