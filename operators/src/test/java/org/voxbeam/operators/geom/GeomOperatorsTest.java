package org.voxbeam.operators.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.bool;
import static org.voxbeam.operators.library.OperatorFixture.integer;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.str;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;

/**
 * The {@code geom} namespace against VoxLogicA-2: {@code geom-vectors.json} holds the pixels its
 * kernels fill ({@code generate_vectors.py} beside it runs VoxLogicA-2's own polygon test on
 * NumPy's grid), including the shapes of its nnU-Net gallery programs; every pixel must agree.
 */
class GeomOperatorsTest {

  @TestFactory
  Stream<DynamicTest> everyShapeFillsVoxLogicA2sPixels() {
    JsonObject document = (JsonObject) JsonReader.parse(resource("geom-vectors.json"));
    List<?> vectors = ((JsonArray) document.get("vectors").orElseThrow()).items();
    assertTrue(vectors.size() > 20);
    return vectors.stream()
        .map(
            item -> {
              JsonObject v = (JsonObject) item;
              String shape = v.getString("shape").orElseThrow();
              long width = field(v, "width");
              long height = field(v, "height");
              String name =
                  shape
                      + " "
                      + width
                      + "x"
                      + height
                      + " at ("
                      + field(v, "cx")
                      + ", "
                      + field(v, "cy")
                      + ") r="
                      + field(v, "radius")
                      + (shape.equals("circle") ? "" : " sides=" + field(v, "sides"));
              return DynamicTest.dynamicTest(
                  name,
                  () -> {
                    Value canvas = apply("geom.blank", integer(height), integer(width), num(0));
                    Value drawn =
                        shape.equals("circle")
                            ? apply(
                                "geom.circle",
                                canvas,
                                num(field(v, "cx")),
                                num(field(v, "cy")),
                                num(field(v, "radius")),
                                num(200))
                            : apply(
                                "geom.regular_polygon",
                                canvas,
                                num(field(v, "cx")),
                                num(field(v, "cy")),
                                num(field(v, "radius")),
                                num(field(v, "sides")),
                                num(80));
                    byte[] expected = HexFormat.of().parseHex(v.getString("filled").orElseThrow());
                    Voxels voxels = Voxels.of((ImageValue) drawn);
                    double fill = shape.equals("circle") ? 200 : 80;
                    for (int i = 0; i < voxels.voxelCount(); i++) {
                      boolean filled = ((expected[i / 8] >> (7 - i % 8)) & 1) != 0;
                      assertEquals(
                          filled ? fill : 0.0,
                          voxels.get(i),
                          "pixel (" + i % width + ", " + i / width + ")");
                    }
                  });
            });
  }

  @Test
  void aBlankCanvasIsFloat32WithUnitSpacingAtTheOrigin() {
    ImageValue canvas = (ImageValue) apply("geom.blank", num(3), num(5), num(0.1));
    assertEquals(DType.FLOAT32, canvas.dtype());
    assertEquals(
        new ImageGeometry(
            List.of(5L, 3L), List.of(1.0, 1.0), List.of(0.0, 0.0), List.of(1.0, 0.0, 0.0, 1.0)),
        canvas.geometry());
    assertEquals((double) 0.1f, Voxels.of(canvas).get(14));
    assertEquals(0.0, Voxels.of((ImageValue) apply("geom.blank", integer(2), integer(2))).get(3));
  }

  @Test
  void drawingKeepsTheInputsPixelTypeAndGeometryAndCastsTheValueAsNumpyStoresIt() {
    ImageGeometry geometry =
        new ImageGeometry(
            List.of(4L, 3L), List.of(0.5, 2.0), List.of(-1.0, 3.0), List.of(0.0, 1.0, 1.0, 0.0));
    ImageValue input =
        new ImageValue(
            geometry,
            DType.UINT8,
            InMemoryBlob.adopt(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}));
    ImageValue out = (ImageValue) apply("geom.circle", input, num(0), num(0), num(1), num(300.7));
    assertEquals(DType.UINT8, out.dtype());
    assertEquals(geometry, out.geometry());
    Voxels v = Voxels.of(out);
    assertEquals(44.0, v.get(0), "300.7 stored in uint8 as a C cast does: 300 mod 256");
    assertEquals(44.0, v.get(1));
    assertEquals(9.0, v.get(2));
    assertEquals(44.0, v.get(4));
    assertEquals(9.0, v.get(5));
    assertEquals(9.0, Voxels.of(input).get(0), "the input is not changed");
  }

  @Test
  void badArgumentsAreRefusedWithVoxLogicA2sMessages() {
    Value canvas = apply("geom.blank", num(4), num(4));
    assertEquals(
        "cx must be int-like: 2.5",
        assertThrows(
                OperatorException.class,
                () -> apply("geom.circle", canvas, num(2.5), num(1), num(1), num(1)))
            .getMessage());
    assertEquals(
        "cy must be an integer, got bool",
        assertThrows(
                OperatorException.class,
                () -> apply("geom.circle", canvas, num(2), bool(true), num(1), num(1)))
            .getMessage());
    assertEquals(
        "circle radius must be positive",
        assertThrows(
                OperatorException.class,
                () -> apply("geom.circle", canvas, num(2), num(1), num(0), num(1)))
            .getMessage());
    assertEquals(
        "regular polygon requires at least 3 sides",
        assertThrows(
                OperatorException.class,
                () -> apply("geom.regular_polygon", canvas, num(2), num(1), num(2), num(2), num(1)))
            .getMessage());
    assertEquals(
        "blank height and width must be positive",
        assertThrows(OperatorException.class, () -> apply("geom.blank", num(0), num(4)))
            .getMessage());
    assertEquals(
        "value must be numeric: 'x'",
        assertThrows(OperatorException.class, () -> apply("geom.blank", num(1), num(4), str("x")))
            .getMessage());
    assertEquals(
        "image must be a SimpleITK Image, got float",
        assertThrows(
                OperatorException.class,
                () -> apply("geom.circle", num(1), num(2), num(1), num(1), num(1)))
            .getMessage());
    assertEquals(
        DType.FLOAT32,
        ((ImageValue) apply("geom.circle", canvas, str(" 2 "), num(1), num(1), num(1))).dtype());
  }

  private static long field(JsonObject object, String key) {
    return ((JsonInteger) object.get(key).orElseThrow()).value().longValueExact();
  }

  private static String resource(String name) {
    try (InputStream in = GeomOperatorsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
