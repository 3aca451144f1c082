package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

/** Value equality where blobs compare by content, since a stored blob is a file, not an array. */
public final class SameValue {
  private SameValue() {}

  public static void assertSame(Value expected, Value actual) {
    if (expected instanceof SequenceValue e && actual instanceof SequenceValue a) {
      assertEquals(e.size(), a.size());
      for (int i = 0; i < e.size(); i++) {
        assertSame(e.items().get(i), a.items().get(i));
      }
    } else if (expected instanceof MappingValue e && actual instanceof MappingValue a) {
      assertEquals(e.entries().keySet(), a.entries().keySet());
      Iterator<Map.Entry<String, Value>> actualEntries = a.entries().entrySet().iterator();
      for (Map.Entry<String, Value> entry : e.entries().entrySet()) {
        Map.Entry<String, Value> other = actualEntries.next();
        assertEquals(entry.getKey(), other.getKey(), "entry order");
        assertSame(entry.getValue(), other.getValue());
      }
    } else if (expected instanceof BytesValue e && actual instanceof BytesValue a) {
      assertBlobs(e.data(), a.data());
    } else if (expected instanceof NdArrayValue e && actual instanceof NdArrayValue a) {
      assertEquals(e.dtype(), a.dtype());
      assertEquals(e.shape(), a.shape());
      assertBlobs(e.data(), a.data());
    } else if (expected instanceof ImageValue e && actual instanceof ImageValue a) {
      assertEquals(e.geometry(), a.geometry());
      assertEquals(e.dtype(), a.dtype());
      assertBlobs(e.voxels(), a.voxels());
    } else if (expected instanceof DatasetValue e && actual instanceof DatasetValue a) {
      assertEquals(e.owner(), a.owner());
      assertEquals(e.size(), a.size());
      assertSame(e.metadata(), a.metadata());
    } else {
      assertEquals(expected, actual);
    }
  }

  private static void assertBlobs(Blob expected, Blob actual) {
    try {
      assertEquals(expected.size(), actual.size());
      assertArrayEquals(expected.readAllBytes(), actual.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
