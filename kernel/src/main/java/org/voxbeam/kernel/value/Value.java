package org.voxbeam.kernel.value;

/**
 * A result of a node, mirroring VoxLogicA-2's {@code voxpod/1} value types, plus datasets,
 * errors and the runtime-only function values that closures evaluate to.
 *
 * <p>The set is closed so that every consumer (operators, the store's codecs, printers) handles
 * every case; large payloads ({@link BytesValue}, {@link NdArrayValue}, {@link ImageValue}) hold a
 * {@link Blob} rather than an array, so a store can stream them instead of loading them.
 */
public sealed interface Value
    permits NullValue,
        BooleanValue,
        IntegerValue,
        NumberValue,
        StringValue,
        BytesValue,
        SequenceValue,
        MappingValue,
        NdArrayValue,
        ImageValue,
        DatasetValue,
        ErrorValue,
        FunctionValue {

  /** VoxLogicA-2's name for this value's type ({@code number}, {@code sequence}, …). */
  String voxType();

  /** Whether this value is a failure rather than a result. */
  default boolean isError() {
    return this instanceof ErrorValue;
  }

  /**
   * Bytes of binary payload (blobs) this value holds, nested items and entries included. Whoever
   * holds values before handing them on (a commit batch, a cache) bounds itself by this, since a
   * freshly computed payload lives on the heap until the store has written it.
   */
  default long payloadBytes() {
    if (this instanceof BytesValue bytes) {
      return bytes.data().size();
    } else if (this instanceof NdArrayValue array) {
      return array.data().size();
    } else if (this instanceof ImageValue image) {
      return image.voxels().size();
    } else if (this instanceof SequenceValue sequence) {
      long total = 0;
      for (Value item : sequence.items()) {
        total += item.payloadBytes();
      }
      return total;
    } else if (this instanceof MappingValue mapping) {
      long total = 0;
      for (Value entry : mapping.entries().values()) {
        total += entry.payloadBytes();
      }
      return total;
    }
    return 0;
  }

  /**
   * Whether a blob of this value, nested items and entries included, failed verification when it
   * was read ({@link Blob#failedVerification}): the value is not what was stored.
   */
  default boolean failedVerification() {
    if (this instanceof BytesValue bytes) {
      return bytes.data().failedVerification();
    } else if (this instanceof NdArrayValue array) {
      return array.data().failedVerification();
    } else if (this instanceof ImageValue image) {
      return image.voxels().failedVerification();
    } else if (this instanceof SequenceValue sequence) {
      return sequence.items().stream().anyMatch(Value::failedVerification);
    } else if (this instanceof MappingValue mapping) {
      return mapping.entries().values().stream().anyMatch(Value::failedVerification);
    }
    return false;
  }
}
