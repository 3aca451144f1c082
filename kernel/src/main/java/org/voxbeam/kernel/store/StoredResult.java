package org.voxbeam.kernel.store;

import java.util.Objects;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.Value;

/** A node's result as the store holds it: the id, the value (or failure) and its metadata. */
public record StoredResult(NodeId id, Value value, ResultMetadata metadata) {
  public StoredResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(metadata, "metadata");
    if (value instanceof FunctionValue) {
      throw new IllegalArgumentException("function values are rebuilt, never stored: " + id);
    }
  }

  public ResultStatus status() {
    return value instanceof ErrorValue ? ResultStatus.FAILED : ResultStatus.SUCCEEDED;
  }
}
