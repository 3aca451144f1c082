package org.voxbeam.kernel.value;

import java.util.Objects;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;

/**
 * A collection too large to hold as one value: its metadata and size only. Item {@code i} is the
 * result stored under {@link NodeHashing#sequenceItemId(NodeId, long) sequenceItemId(owner, i)},
 * loaded when a consumer asks for it.
 */
public record DatasetValue(NodeId owner, long size, MappingValue metadata) implements Value {
  public DatasetValue {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(metadata, "metadata");
    if (size < 0) {
      throw new IllegalArgumentException("negative dataset size " + size);
    }
  }

  /** The node id under which item {@code index} is stored. */
  public NodeId itemId(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("dataset item " + index + " of " + size);
    }
    return NodeHashing.sequenceItemId(owner, index);
  }

  @Override
  public String voxType() {
    return "dataset";
  }
}
