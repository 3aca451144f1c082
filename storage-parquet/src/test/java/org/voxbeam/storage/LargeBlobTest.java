package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.testkit.JvmProcesses;

/**
 * A blob four times larger than the heap of the JVM that writes and reads it: it is streamed in
 * both directions and never held whole in memory.
 */
class LargeBlobTest {
  static final long SIZE = 128L << 20;

  @TempDir Path dir;

  @Test
  void blobLargerThanTheHeapRoundTripsAsAStream() throws Exception {
    // The child hashes and checksums 128 MB twice: the optimising compiler halves its time.
    Process child =
        JvmProcesses.start(
            LargeBlobProcess.class,
            List.of("-Xmx32m", "-XX:TieredStopAtLevel=4"),
            List.of(dir.toString()));
    String output;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      output = lines.readLine();
    }
    child.waitFor(300, TimeUnit.SECONDS);
    assertEquals(0, child.exitValue());
    assertEquals("ok " + SIZE + " " + LargeBlobProcess.checksum(SIZE), output);
  }

  /** Writes and reads back a {@link #SIZE}-byte blob under a 32 MB heap. */
  public static final class LargeBlobProcess {
    private LargeBlobProcess() {}

    static long checksum(long size) {
      long sum = 0;
      for (long i = 0; i < size; i++) {
        sum = sum * 31 + (byte) (i * 131);
      }
      return sum;
    }

    public static void main(String[] args) throws Exception {
      Blob generated =
          new Blob() {
            @Override
            public long size() {
              return SIZE;
            }

            @Override
            public InputStream open() {
              return new InputStream() {
                private long position;

                @Override
                public int read() {
                  return position < SIZE ? (byte) (position++ * 131) & 0xFF : -1;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                  if (position >= SIZE) {
                    return -1;
                  }
                  int count = (int) Math.min(length, SIZE - position);
                  for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) (position++ * 131);
                  }
                  return count;
                }
              };
            }
          };
      try (ParquetResultStore store =
          ParquetResultStore.open(Path.of(args[0]), StoreOptions.defaults())) {
        store.put(StoredValues.result("huge", new BytesValue(generated)));
      }
      try (ParquetResultStore store =
          ParquetResultStore.open(Path.of(args[0]), StoreOptions.defaults())) {
        StoredResult result = store.get(StoredValues.id("huge")).orElseThrow();
        Blob blob = ((BytesValue) result.value()).data();
        long sum = 0;
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = blob.open()) {
          for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
              sum = sum * 31 + buffer[i];
            }
            size += read;
          }
        }
        System.out.println("ok " + size + " " + sum);
      }
    }
  }
}
