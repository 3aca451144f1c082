package org.voxbeam.kernel.value;

import java.util.Map;
import java.util.Optional;

/**
 * A size of a value, summed over its tree: what each leaf costs, and what each sequence, mapping,
 * item slot and mapping entry adds. The walk is written once, in {@link #of}; the measures differ
 * only in their costs — the payload a commit batch holds ({@link #PAYLOAD}), the size a run reports
 * per node, the heap a cache entry takes.
 */
public interface ValueMeasure {

  /** Bytes of binary payload (blobs), nested items and entries included. */
  ValueMeasure PAYLOAD = ValueMeasure::blobBytes;

  /** How many blobs failed verification when they were read. */
  ValueMeasure FAILED_BLOBS =
      leaf -> blobOf(leaf).filter(Blob::failedVerification).isPresent() ? 1 : 0;

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
    return blobOf(leaf).map(Blob::size).orElse(0L);
  }

  /** The blob of a bytes, array or image value. */
  static Optional<Blob> blobOf(Value leaf) {
    if (leaf instanceof BytesValue bytes) {
      return Optional.of(bytes.data());
    } else if (leaf instanceof NdArrayValue array) {
      return Optional.of(array.data());
    } else if (leaf instanceof ImageValue image) {
      return Optional.of(image.voxels());
    }
    return Optional.empty();
  }
}
