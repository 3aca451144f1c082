package org.voxbeam.benchmarks.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * Blob write and read throughput of the store against plain {@code Files.write} and {@code
 * Files.readAllBytes} of the same bytes in the same directory tree.
 *
 * <p>The blobs are random and distinct, generated before the clock starts, so the store never finds
 * content already stored. The store gets them as results in batches of {@value #BATCH} (one {@code
 * putAll} each: blob files plus one segment per batch), as the scheduler commits. Writes alternate
 * which side goes first; reads open a fresh store (untimed) so that each read loads its result as a
 * later program would. Neither side forces data to disk (the store never calls {@code force}), and
 * reads are served from the page cache on both sides.
 */
final class BlobBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(BlobBenchmark.class);
  static final int BATCH = 64;

  private final Scratch scratch;
  private final int repeats;
  private final long sampleBytes;
  private final int maxBlobs;

  BlobBenchmark(Scratch scratch, int repeats, long sampleBytes, int maxBlobs) {
    this.scratch = scratch;
    this.repeats = repeats;
    this.sampleBytes = sampleBytes;
    this.maxBlobs = maxBlobs;
  }

  List<BlobMeasurement> run(List<Long> sizes) {
    List<BlobMeasurement> measurements = new ArrayList<>();
    for (long size : sizes) {
      int count = (int) Math.max(2, Math.min(maxBlobs, sampleBytes / size));
      List<byte[]> contents = randomContents(count, (int) size);
      round(contents, 0);
      List<BlobRound> rounds = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        BlobRound round = round(contents, r);
        LOG.info("blobs of {} bytes, round {}/{}: {}", size, r + 1, repeats, round);
        rounds.add(round);
      }
      measurements.add(new BlobMeasurement(size, count, rounds));
    }
    return measurements;
  }

  private BlobRound round(List<byte[]> contents, int round) {
    Path plain = scratch.newDirectory("plain-blobs");
    Path store = scratch.newDirectory("blob-store");
    List<NodeId> ids = new ArrayList<>(contents.size());
    for (int i = 0; i < contents.size(); i++) {
      ids.add(Results.id("blob", i));
    }
    long plainWrite;
    long storeWrite;
    if (round % 2 == 0) {
      plainWrite = plainWrite(plain, contents);
      storeWrite = storeWrite(store, ids, contents);
    } else {
      storeWrite = storeWrite(store, ids, contents);
      plainWrite = plainWrite(plain, contents);
    }
    long hash = hash(contents);
    long plainRead = plainRead(plain, contents);
    long storeReadVerified = storeRead(store, ids, contents, true);
    long storeRead = storeRead(store, ids, contents, false);
    Scratch.delete(plain);
    Scratch.delete(store);
    return new BlobRound(plainWrite, storeWrite, hash, plainRead, storeReadVerified, storeRead);
  }

  private static long plainWrite(Path directory, List<byte[]> contents) {
    return Timer.nanos(
        () -> {
          for (int i = 0; i < contents.size(); i++) {
            Files.write(directory.resolve("blob-" + i), contents.get(i));
          }
        });
  }

  private static long storeWrite(Path directory, List<NodeId> ids, List<byte[]> contents) {
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      return Timer.nanos(
          () -> {
            List<StoredResult> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < contents.size(); i++) {
              batch.add(Results.bytes(ids.get(i), contents.get(i)));
              if (batch.size() == BATCH || i == contents.size() - 1) {
                store.putAll(batch);
                batch = new ArrayList<>(BATCH);
              }
            }
          });
    }
  }

  private static long hash(List<byte[]> contents) {
    MessageDigest digest = Sha256.digest();
    return Timer.nanos(
        () -> {
          for (byte[] content : contents) {
            digest.update(content);
            digest.digest();
          }
        });
  }

  private static long plainRead(Path directory, List<byte[]> contents) {
    return Timer.nanos(
        () -> {
          for (int i = 0; i < contents.size(); i++) {
            expectSameEnds(Files.readAllBytes(directory.resolve("blob-" + i)), contents.get(i));
          }
        });
  }

  private static long storeRead(
      Path directory, List<NodeId> ids, List<byte[]> contents, boolean verify) {
    StoreOptions options = StoreOptions.defaults().withVerifyBlobsOnRead(verify);
    try (ParquetResultStore store = ParquetResultStore.open(directory, options)) {
      return Timer.nanos(
          () -> {
            for (int i = 0; i < ids.size(); i++) {
              StoredResult result =
                  store
                      .get(ids.get(i))
                      .orElseThrow(
                          () -> new IllegalStateException("a stored blob result is missing"));
              expectSameEnds(((BytesValue) result.value()).data().readAllBytes(), contents.get(i));
            }
          });
    }
  }

  private static void expectSameEnds(byte[] read, byte[] written) {
    if (read.length != written.length
        || read[0] != written[0]
        || read[read.length - 1] != written[written.length - 1]) {
      throw new IllegalStateException("read back other bytes than were written");
    }
  }

  private static List<byte[]> randomContents(int count, int size) {
    SplittableRandom random = new SplittableRandom(size);
    List<byte[]> contents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[size];
      for (int k = 0; k < size; k += Long.BYTES) {
        long word = random.nextLong();
        for (int b = 0; b < Long.BYTES && k + b < size; b++) {
          bytes[k + b] = (byte) (word >>> (8 * b));
        }
      }
      contents.add(bytes);
    }
    return contents;
  }
}
