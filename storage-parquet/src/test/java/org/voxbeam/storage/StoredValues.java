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

  /** {@code result} as if stored {@code seconds} later: the newer row of the same id. */
  public static StoredResult later(StoredResult result, long seconds) {
    ResultMetadata metadata = result.metadata();
    return new StoredResult(
        result.id(),
        result.value(),
        new ResultMetadata(
            metadata.operator(),
            metadata.computeTime(),
            metadata.createdAt().plusSeconds(seconds),
            metadata.engineVersion()));
  }
}
