package org.voxbeam.storage;

import java.time.Duration;
import java.time.Instant;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Value;

/** Builds stored results for tests. */
public final class StoredValues {
  private StoredValues() {}

  public static NodeId id(String name) {
    return NodeHashing.sha256(name);
  }

  public static StoredResult result(String name, Value value) {
    return result(id(name), value);
  }

  public static StoredResult result(NodeId id, Value value) {
    return new StoredResult(
        id,
        value,
        new ResultMetadata(
            "test.op", Duration.ofMillis(3), Instant.ofEpochMilli(1_700_000_000_000L), "test"));
  }
}
