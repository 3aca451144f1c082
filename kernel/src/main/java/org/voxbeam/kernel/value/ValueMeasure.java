package org.voxbeam.kernel.value;

import java.util.Map;

/**
 * A size of a value, summed over its tree: what each leaf costs, and what each sequence,
 * mapping, item slot and mapping entry adds. The walk is written once, in {@link #of}; the
 * measures differ only in their costs — the payload a commit batch holds ({@link #PAYLOAD}), the
 * size a run reports per node, the heap a cache entry takes.
 */
public interface ValueMeasure {

  /** Bytes of binary payload (blobs), nested items and entries included. */
  ValueMeasure PAYLOAD = ValueMeasure::blobBytes;

  /** What {@code leaf}, a value that is neither a sequence nor a mapping, costs. */
  long leaf(Value leaf);

  /** What a sequence or mapping costs besides its items or entries. */
  default long container() {
    return 0;
  }

  /** What a sequence adds per item, besides the item. */
  default long item() {
    return 0;
  }

  /** What a mapping adds per entry, besides the entry's value. */
  default long entry(String key) {
    return 0;
  }

  /** This measure of {@code value}. */
  default long of(Value value) {
    if (value instanceof SequenceValue sequence) {
      long total = container();
      for (Value item : sequence.items()) {
        total += item() + of(item);
      }
      return total;
    } else if (value instanceof MappingValue mapping) {
      long total = container();
      for (Map.Entry<String, Value> entry : mapping.entries().entrySet()) {
        total += entry(entry.getKey()) + of(entry.getValue());
      }
      return total;
    }
    return leaf(value);
  }

  /** The blob bytes of a bytes, array or image value; 0 for any other leaf. */
  static long blobBytes(Value leaf) {
    if (leaf instanceof BytesValue bytes) {
      return bytes.data().size();
    } else if (leaf instanceof NdArrayValue array) {
      return array.data().size();
    } else if (leaf instanceof ImageValue image) {
      return image.voxels().size();
    }
    return 0;
  }
}
