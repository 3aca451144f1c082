package org.voxbeam.benchmarks.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;

/**
 * Deterministic results for the store benchmarks. Ids are SHA-256s of a family name and an index,
 * like real node ids, so any id can be recomputed from its index instead of being kept in memory
 * (which would distort heap measurements), and families never share ids.
 */
final class Results {
  static final ResultMetadata METADATA =
      new ResultMetadata(
          "bench.value",
          Duration.ofMillis(1),
          Instant.parse("2024-06-01T00:00:00Z"),
          "voxbeam-benchmarks");

  private Results() {}

  static NodeId id(String family, long index) {
    return NodeHashing.sha256(family + ":" + index);
  }

  /** A number result whose value is derived from its index. */
  static StoredResult number(String family, long index) {
    return new StoredResult(id(family, index), new NumberValue(index * 0.5), METADATA);
  }

  /** {@code count} number results of {@code family}, indices {@code from} onwards. */
  static List<StoredResult> numbers(String family, long from, int count) {
    List<StoredResult> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(number(family, from + i));
    }
    return batch;
  }

  static StoredResult bytes(NodeId id, byte[] content) {
    return new StoredResult(id, new BytesValue(InMemoryBlob.adopt(content)), METADATA);
  }
}
