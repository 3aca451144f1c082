package org.voxbeam.storage.remote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.storage.SameValue;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.StoredValues;
import org.voxbeam.testkit.Campaign;
import org.voxbeam.testkit.JvmProcesses;

/**
 * Writers killed ({@code kill -9}) at random moments while they publish to a real remote, each from
 * its own working directory: a reader from a fresh working directory reads every batch a writer
 * reported published, and of the batches in flight at the kill it reads whole results or nothing,
 * never a row whose blob is missing or wrong. The everyday build kills one writer per backend; the
 * campaign {@code -Dvoxbeam.remote.crashTrials=N} more (default 3).
 */
class RemoteCrashTest {
  private static final int CAMPAIGN_TRIALS = Integer.getInteger("voxbeam.remote.crashTrials", 3);

  @TempDir Path dir;

  @Test
  void aKilledWriterLeavesNothingBrokenOnS3() throws Exception {
    onS3(1, 16);
  }

  @Test
  void aKilledWriterLeavesNothingBrokenOnHdfs() throws Exception {
    onHdfs(1, 16);
  }

  @Campaign
  @Test
  void killedWritersLeaveNothingBrokenOnS3() throws Exception {
    onS3(CAMPAIGN_TRIALS, 17);
  }

  @Campaign
  @Test
  void killedWritersLeaveNothingBrokenOnHdfs() throws Exception {
    onHdfs(CAMPAIGN_TRIALS, 17);
  }

  private void onS3(int trials, long seed) throws Exception {
    S3Server server = S3Server.shared();
    String prefix = "crash/" + UUID.randomUUID();
    survive(
        List.of("s3", server.endpoint().toString(), S3Server.BUCKET, prefix),
        () -> server.location(prefix),
        trials,
        seed);
  }

  private void onHdfs(int trials, long seed) throws Exception {
    HdfsServer server = HdfsServer.shared();
    String prefix = "crash/" + UUID.randomUUID();
    survive(
        List.of("hdfs", server.uri(prefix).toString()),
        () -> server.location(prefix),
        trials,
        seed);
  }

  private interface Connection {
    RemoteLocation open();
  }

  private void survive(List<String> backend, Connection connection, int trials, long seed)
      throws Exception {
    Random random = new Random(seed);
    int[] published = new int[trials];
    for (int trial = 0; trial < trials; trial++) {
      List<String> args = new ArrayList<>(backend);
      args.add(dir.resolve("writer-" + trial).toString());
      args.add("w" + trial);
      Process writer = JvmProcesses.start(RemoteWriterProcess.class, List.of(), args);
      AtomicInteger last = new AtomicInteger(-1);
      CountDownLatch first = new CountDownLatch(1);
      Thread lines = new Thread(() -> follow(writer, last, first));
      lines.start();
      assertTrue(first.await(120, TimeUnit.SECONDS), "the writer published nothing in 2 minutes");
      Thread.sleep(100 + random.nextInt(900));
      writer.destroyForcibly();
      writer.waitFor(30, TimeUnit.SECONDS);
      lines.join(30_000);
      // Every line was printed after its batch's putAll returned, so before the kill.
      published[trial] = last.get();
    }
    try (TieredStore reader =
        TieredStore.open(connection.open(), dir.resolve("reader"), StoreOptions.defaults())) {
      for (int trial = 0; trial < trials; trial++) {
        for (int batch = 0; batch <= published[trial] + 2; batch++) {
          for (int item = 0; item < RemoteWriterProcess.BATCH; item++) {
            String name = RemoteWriterProcess.name("w" + trial, batch, item);
            Optional<StoredResult> read = reader.get(StoredValues.id(name));
            if (batch <= published[trial]) {
              assertTrue(read.isPresent(), name + " was published");
            }
            read.ifPresent(
                result -> SameValue.assertSame(RemoteWriterProcess.valueOf(name), result.value()));
          }
        }
      }
    }
  }

  /** Records the last batch the writer reported published, until its output ends. */
  private static void follow(Process writer, AtomicInteger last, CountDownLatch first) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("published ")) {
          last.set(Integer.parseInt(line.substring("published ".length())));
          first.countDown();
        }
      }
    } catch (IOException e) {
      // The writer was killed mid-line: what was read so far stands.
    }
  }
}
