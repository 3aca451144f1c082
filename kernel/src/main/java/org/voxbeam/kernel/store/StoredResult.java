package org.voxbeam.kernel.store;

import java.util.Objects;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

/**
 * A node's result as the store holds it: the id, the value (or failure) and its metadata.
 *
 * @param itemsCommitted for a sequence: its items are stored already, each under its child id with
 *     metadata of its own (the items of a {@code map} computed one by one), so committing this
 *     result writes only its own row, which refers to them
 */
public record StoredResult(
    NodeId id, Value value, ResultMetadata metadata, boolean itemsCommitted) {
  public StoredResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(metadata, "metadata");
    if (value instanceof FunctionValue) {
      throw new IllegalArgumentException("function values are rebuilt, never stored: " + id);
    }
    if (itemsCommitted && !(value instanceof SequenceValue)) {
      throw new IllegalArgumentException("only a sequence has committed items: " + id);
    }
  }

  /** A result whose rows are all written when it is committed. */
  public StoredResult(NodeId id, Value value, ResultMetadata metadata) {
    this(id, value, metadata, false);
  }

  public ResultStatus status() {
    return value instanceof ErrorValue ? ResultStatus.FAILED : ResultStatus.SUCCEEDED;
  }
}
