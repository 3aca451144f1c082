package org.voxbeam.pipeline.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * A value's digest is its content: equal values agree, and values a program can tell apart differ.
 */
class ValueDigestTest {
  @Test
  void valuesAProgramCanTellApartHaveDifferentDigests() {
    List<Value> values =
        List.of(
            NullValue.INSTANCE,
            BooleanValue.TRUE,
            BooleanValue.FALSE,
            new IntegerValue(1),
            new NumberValue(1.0),
            new NumberValue(-0.0),
            new NumberValue(0.0),
            new StringValue("1"),
            new StringValue("ab"),
            new SequenceValue(List.of(new StringValue("ab"))),
            new SequenceValue(List.of(new StringValue("a"), new StringValue("b"))),
            new MappingValue(Map.of("a", new IntegerValue(1))),
            new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2})),
            new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 3})),
            image(List.of(1.0, 1.0)),
            image(List.of(1.0, 2.0)));
    Set<String> digests = new HashSet<>();
    for (Value value : values) {
      assertTrue(
          digests.add(ValueDigest.of(value).orElseThrow()),
          "a second value with the digest of " + value);
    }
  }

  @Test
  void equalValuesHaveEqualDigests() {
    assertEquals(
        ValueDigest.of(image(List.of(0.5, 2.0))), ValueDigest.of(image(List.of(0.5, 2.0))));
    assertEquals(
        ValueDigest.of(new StringValue("/data/case_001.nii.gz")),
        ValueDigest.of(new StringValue("/data/case_001.nii.gz")));
    assertNotEquals(
        ValueDigest.of(new StringValue("/data/case_001.nii.gz")),
        ValueDigest.of(new StringValue("/data/case_002.nii.gz")));
  }

  private static ImageValue image(List<Double> spacing) {
    return new ImageValue(
        new ImageGeometry(List.of(2L, 1L), spacing, List.of(0.0, 0.0), List.of(1.0, 0.0, 0.0, 1.0)),
        DType.UINT8,
        InMemoryBlob.copyOf(new byte[] {7, 9}));
  }
}
