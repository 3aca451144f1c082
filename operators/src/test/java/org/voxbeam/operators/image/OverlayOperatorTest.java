package org.voxbeam.operators.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;
import static org.voxbeam.operators.library.OperatorFixture.str;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

class OverlayOperatorTest {
  private final ImageValue base = TestImages.randomUint8(new Random(1), 255, 4, 3);
  private final ImageValue mask = TestImages.randomUint8(new Random(2), 2, 4, 3);

  @Test
  void layersGetVoxLogicA2sDefaults() {
    MappingValue overlay = (MappingValue) apply("default.overlay", base, mask);
    assertEquals(
        List.of(
            layer(base, "Base", NullValue.INSTANCE, "gray", true),
            layer(mask, "Overlay 1", NullValue.INSTANCE, "red", true)),
        layers(overlay));
    assertEquals(new MappingValue(Map.of()), overlay.entries().get("metadata"));
    assertEquals(
        overlay, apply("default.overlay", seq(base, mask)), "one sequence of layers is the same");
  }

  @Test
  void settingsAreKeptOpacityClampedAndOtherKeysBecomeMetadata() {
    Map<String, Value> styled = new LinkedHashMap<>();
    styled.put("value", mask);
    styled.put("label", str("tumour"));
    styled.put("opacity", num(1.5));
    styled.put("visible", BooleanValue.FALSE);
    Map<String, Value> source = new LinkedHashMap<>();
    source.put("layers", seq(base, new MappingValue(styled)));
    source.put("title", str("case 1"));
    MappingValue overlay = (MappingValue) apply("default.overlay", new MappingValue(source));
    assertEquals(layer(mask, "tumour", num(1.0), "red", false), layers(overlay).get(1));
    assertEquals(
        new MappingValue(Map.of("title", str("case 1"))), overlay.entries().get("metadata"));
    assertEquals(
        "overlay requires at least one layer",
        assertThrows(OperatorException.class, () -> apply("default.overlay", SequenceValue.EMPTY))
            .getMessage());
  }

  private static List<Value> layers(MappingValue overlay) {
    return ((SequenceValue) overlay.entries().get("layers")).items();
  }

  private static MappingValue layer(
      Value value, String label, Value opacity, String colormap, boolean visible) {
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("value", value);
    out.put("label", str(label));
    out.put("opacity", opacity);
    out.put("colormap", str(colormap));
    out.put("visible", BooleanValue.of(visible));
    return new MappingValue(out);
  }
}
