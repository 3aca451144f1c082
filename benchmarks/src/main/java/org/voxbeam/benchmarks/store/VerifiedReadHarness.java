package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * What verifying reads costs: warm reads of stored image blobs (the result cached, the file in the
 * page cache: every read streams the file, and now hashes it), first reads of them (a freshly
 * opened store: a load and one read), first lookups of scalar rows (row checksums), and commits of
 * batches of scalar rows (checksums, the manifest entry). It uses only API that the store had
 * before verification, so the same source runs against both builds, one JVM each, alternately:
 * {@code java -cp CLASSES VerifiedReadHarness DIR}.
 */
final class VerifiedReadHarness {
  private static final int IMAGES = 16;
  private static final int SIDE = 160;
  private static final int ROWS = 65_536;
  private static final int LOOKUPS = 20_000;
  private static final int ROUNDS = 5;

  private VerifiedReadHarness() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory(Path.of(args[0]), "verified-read-");
    List<NodeId> images = storeImages(dir.resolve("images"));
    long commitBegan = System.nanoTime();
    List<NodeId> numbers = storeNumbers(dir.resolve("rows"));
    System.out.printf(
        "commits of 1,024 number rows: %.2f ms each%n",
        (System.nanoTime() - commitBegan) / 1e6 / (ROWS / 1024));
    byte[] buffer = new byte[1 << 16];
    long bytes = (long) IMAGES * SIDE * SIDE * SIDE;
    try (ParquetResultStore store =
        ParquetResultStore.open(dir.resolve("images"), StoreOptions.defaults())) {
      readAll(store, images, buffer);
      double best = 0;
      for (int round = 0; round < ROUNDS; round++) {
        long began = System.nanoTime();
        readAll(store, images, buffer);
        best = Math.max(best, bytes / 1e6 / ((System.nanoTime() - began) / 1e9));
      }
      System.out.printf("warm image reads: %.0f MB/s%n", best);
    }
    double firstBest = 0;
    for (int round = 0; round < ROUNDS; round++) {
      try (ParquetResultStore store =
          ParquetResultStore.open(dir.resolve("images"), StoreOptions.defaults())) {
        long began = System.nanoTime();
        readAll(store, images, buffer);
        firstBest = Math.max(firstBest, bytes / 1e6 / ((System.nanoTime() - began) / 1e9));
      }
    }
    System.out.printf("first image reads: %.0f MB/s%n", firstBest);
    double lookupBest = Double.MAX_VALUE;
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < ROUNDS; round++) {
      try (ParquetResultStore store =
          ParquetResultStore.open(dir.resolve("rows"), StoreOptions.defaults())) {
        long began = System.nanoTime();
        for (int i = 0; i < LOOKUPS; i++) {
          if (store.get(numbers.get(random.nextInt(numbers.size()))).isEmpty()) {
            throw new IllegalStateException("a stored number is missing");
          }
        }
        lookupBest = Math.min(lookupBest, (System.nanoTime() - began) / 1e3 / LOOKUPS);
      }
    }
    System.out.printf("first scalar lookups: %.1f µs each%n", lookupBest);
  }

  private static void readAll(ParquetResultStore store, List<NodeId> ids, byte[] buffer)
      throws IOException {
    for (NodeId id : ids) {
      ImageValue image = (ImageValue) store.get(id).orElseThrow().value();
      try (InputStream in = image.voxels().open()) {
        while (in.read(buffer) >= 0) {
          // Streamed, as an HTTP download or a NIfTI writer reads it.
        }
      }
    }
  }

  private static List<NodeId> storeImages(Path directory) {
    SplittableRandom random = new SplittableRandom(1);
    ImageGeometry geometry =
        new ImageGeometry(
            List.of((long) SIDE, (long) SIDE, (long) SIDE),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    List<NodeId> ids = new ArrayList<>();
    List<StoredResult> results = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      byte[] voxels = new byte[SIDE * SIDE * SIDE];
      random.nextBytes(voxels);
      NodeId id = NodeHashing.sha256("image " + i);
      ids.add(id);
      results.add(
          new StoredResult(
              id, new ImageValue(geometry, DType.UINT8, InMemoryBlob.copyOf(voxels)), metadata()));
    }
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      store.putAll(results);
    }
    return ids;
  }

  private static List<NodeId> storeNumbers(Path directory) {
    List<NodeId> ids = new ArrayList<>();
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      List<StoredResult> batch = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        NodeId id = NodeHashing.sha256("number " + i);
        ids.add(id);
        batch.add(new StoredResult(id, new NumberValue(i * 0.5), metadata()));
        if (batch.size() == 1024) {
          store.putAll(batch);
          batch.clear();
        }
      }
    }
    return ids;
  }

  private static ResultMetadata metadata() {
    return new ResultMetadata(
        "bench.op", java.time.Duration.ofMillis(1), java.time.Instant.now(), "bench");
  }
}
