package org.voxbeam.operators.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;
import static org.voxbeam.operators.library.OperatorFixture.str;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;

/**
 * The {@code arrays} namespace against VoxLogicA-2's own kernels: {@code arrays-vectors.json} holds
 * what they returned on seeded arrays ({@code generate_vectors.py} beside it); each call runs here
 * on images with those voxels and must print the same Python value, keys in the same order, ints
 * and floats apart, floats to the last digit.
 */
class ArraysOperatorsTest {
  private static final JsonObject VECTORS =
      (JsonObject) JsonReader.parse(resource("arrays-vectors.json"));

  @TestFactory
  Stream<DynamicTest> everyCallGivesVoxLogicA2sResult() {
    JsonObject inputs = (JsonObject) VECTORS.get("inputs").orElseThrow();
    Map<String, Value> images = new LinkedHashMap<>();
    inputs.members().forEach((name, array) -> images.put(name, image((JsonObject) array)));
    List<JsonValue> vectors = ((JsonArray) VECTORS.get("vectors").orElseThrow()).items();
    assertTrue(vectors.size() > 30);
    return vectors.stream()
        .map(
            item -> {
              JsonObject vector = (JsonObject) item;
              String operator = vector.getString("operator").orElseThrow();
              List<Value> args = new ArrayList<>();
              for (JsonValue arg : ((JsonArray) vector.get("args").orElseThrow()).items()) {
                args.add(
                    arg instanceof JsonString s && images.containsKey(s.value())
                        ? images.get(s.value())
                        : value(arg));
              }
              Value expected = value(vector.get("result").orElseThrow());
              return DynamicTest.dynamicTest(
                  operator + " " + vector.get("args").orElseThrow(),
                  () -> {
                    Value actual = apply("arrays." + operator, args.toArray(Value[]::new));
                    assertEquals(PythonText.repr(expected), PythonText.repr(actual));
                  });
            });
  }

  @Test
  void diceOfTwoEmptyMasksIsNanAsNumpyDividesZeroByZero() {
    Value empty = mask(0, 0, 0, 0);
    MappingValue dice = (MappingValue) apply("arrays.dice_score", empty, empty);
    assertTrue(Double.isNaN(((NumberValue) dice.entries().get("dice_score")).value()));
    assertEquals(new IntegerValue(0), dice.entries().get("intersection"));
  }

  @Test
  void thresholdEqualMarksEqualVoxelsInAUint8ImageWithTheInputsGeometry() {
    ImageValue input = image(DType.FLOAT64, new double[] {1, 2.5, 2.5, 7}, 2, 2);
    ImageValue out = (ImageValue) apply("arrays.threshold_equal", input, num(2.5));
    assertEquals(DType.UINT8, out.dtype());
    assertEquals(input.geometry(), out.geometry());
    assertEquals(List.of(0.0, 1.0, 1.0, 0.0), voxels(out));
    ImageValue custom =
        (ImageValue) apply("arrays.threshold_equal", input, num(7), num(255), num(9));
    assertEquals(List.of(9.0, 9.0, 9.0, 255.0), voxels(custom));
    OperatorException tooBig =
        assertThrows(
            OperatorException.class,
            () -> apply("arrays.threshold_equal", input, num(7), num(256)));
    assertTrue(
        tooBig.getMessage().startsWith("threshold_equal failed: true_value must fit a uint8"),
        tooBig.getMessage());
  }

  @Test
  void listsAreArraysAsNumpyReadsThem() {
    MappingValue accuracy =
        (MappingValue)
            apply(
                "arrays.pixel_accuracy", seq(num(1), num(0), num(1)), seq(num(1), num(1), num(1)));
    assertEquals(
        "{'accuracy': 0.6666666666666666, 'correct_pixels': 2, 'total_pixels': 3,"
            + " 'incorrect_pixels': 1}",
        PythonText.repr(accuracy));
    OperatorException ragged =
        assertThrows(
            OperatorException.class,
            () -> apply("arrays.array_stats", seq(seq(num(1)), seq(num(1), num(2)))));
    assertTrue(ragged.getMessage().contains("rectangular"), ragged.getMessage());
  }

  @Test
  void mismatchedShapesAreNamedAsVoxLogicA2NamesThem() {
    OperatorException e =
        assertThrows(
            OperatorException.class,
            () ->
                apply(
                    "arrays.pixel_accuracy",
                    mask(1, 0, 1, 0),
                    image(DType.UINT8, new double[] {1, 0, 1, 0, 1, 1}, 3, 2)));
    assertEquals(
        "pixel_accuracy failed: Shape mismatch: predicted (2, 2) vs ground_truth (2, 3)",
        e.getMessage());
    OperatorException label =
        assertThrows(
            OperatorException.class,
            () -> apply("arrays.confusion_matrix", mask(1, 0, 1, 0), mask(1, 0, 1, 0), num(1)));
    assertEquals(
        "confusion_matrix failed: index 1 is out of bounds for axis 0 with size 1",
        label.getMessage());
  }

  @Test
  void vectorHelpersConvertAsPythonsIntAndFloat() {
    assertEquals("[1, 2, 3]", PythonText.repr(apply("arrays.vector_uint32", str("123"))));
    OperatorException e =
        assertThrows(OperatorException.class, () -> apply("arrays.vector_uint32", num(3)));
    assertTrue(e.getMessage().contains("'float' object is not iterable"), e.getMessage());
    assertFalse(PythonText.repr(apply("arrays.vector_double", seq(num(1)))).contains("'"));
  }

  private static Value mask(double... voxels) {
    return image(DType.UINT8, voxels, 2, 2);
  }

  private static ImageValue image(JsonObject array) {
    List<Long> shape = new ArrayList<>();
    ((JsonArray) array.get("shape").orElseThrow())
        .items()
        .forEach(v -> shape.add(((JsonInteger) v).value().longValueExact()));
    DType dtype =
        DType.valueOf(array.getString("dtype").orElseThrow().toUpperCase(java.util.Locale.ROOT));
    List<JsonValue> data = ((JsonArray) array.get("data").orElseThrow()).items();
    double[] values = new double[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(data.get(i));
    }
    long[] size = new long[shape.size()];
    for (int i = 0; i < size.length; i++) {
      size[i] = shape.get(shape.size() - 1 - i);
    }
    return image(dtype, values, size);
  }

  private static ImageValue image(DType dtype, double[] values, long... size) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; i++) {
      org.voxbeam.operators.image.PixelCast.put(bytes, dtype, i, values[i]);
    }
    int d = size.length;
    List<Long> extent = new ArrayList<>();
    List<Double> spacing = new ArrayList<>();
    List<Double> origin = new ArrayList<>();
    List<Double> direction = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      extent.add(size[i]);
      spacing.add(0.5 + i);
      origin.add(-2.0 * i);
      for (int j = 0; j < d; j++) {
        direction.add(i == j ? 1.0 : 0.0);
      }
    }
    return new ImageValue(
        new ImageGeometry(extent, spacing, origin, direction),
        dtype,
        InMemoryBlob.adopt(bytes.array()));
  }

  private static List<Double> voxels(ImageValue image) {
    Voxels v = Voxels.of(image);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < v.voxelCount(); i++) {
      out.add(v.get(i));
    }
    return out;
  }

  private static double number(JsonValue value) {
    if (value instanceof JsonInteger i) {
      return i.value().doubleValue();
    }
    if (value instanceof JsonFloat f) {
      return f.value();
    }
    return ((JsonBoolean) value).value() ? 1 : 0;
  }

  static Value value(JsonValue json) {
    if (json instanceof JsonInteger i) {
      return new IntegerValue(i.value().longValueExact());
    } else if (json instanceof JsonFloat f) {
      return new NumberValue(f.value());
    } else if (json instanceof JsonBoolean b) {
      return BooleanValue.of(b.value());
    } else if (json instanceof JsonString s) {
      return new StringValue(s.value());
    } else if (json instanceof JsonArray a) {
      return new SequenceValue(a.items().stream().map(ArraysOperatorsTest::value).toList());
    }
    Map<String, Value> entries = new LinkedHashMap<>();
    ((JsonObject) json).members().forEach((k, v) -> entries.put(k, value(v)));
    return new MappingValue(entries);
  }

  private static String resource(String name) {
    try (InputStream in = ArraysOperatorsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
