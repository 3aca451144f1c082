package org.voxbeam.kernel.value;

/**
 * A result of a node, mirroring VoxLogicA-2's {@code voxpod/1} value types, plus datasets, errors
 * and the runtime-only function values that closures evaluate to.
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
   * Whether this value is a scalar: null, a boolean, an integer, a number or a string, which a
   * store keeps in the row of the sequence or mapping that holds it.
   */
  default boolean isScalar() {
    return this instanceof NullValue
        || this instanceof BooleanValue
        || this instanceof IntegerValue
        || this instanceof NumberValue
        || this instanceof StringValue;
  }

  /**
   * Bytes of binary payload (blobs) this value holds, nested items and entries included. Whoever
   * holds values before handing them on (a commit batch, a cache) bounds itself by this, since a
   * freshly computed payload lives on the heap until the store has written it.
   */
  default long payloadBytes() {
    return ValueMeasure.PAYLOAD.of(this);
  }

  /**
   * Whether a blob of this value, nested items and entries included, failed verification when it
   * was read ({@link Blob#failedVerification}): the value is not what was stored.
   */
  default boolean failedVerification() {
    return ValueMeasure.FAILED_BLOBS.of(this) > 0;
  }
}
