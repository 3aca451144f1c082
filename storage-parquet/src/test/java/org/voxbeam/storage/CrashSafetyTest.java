package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.testkit.Campaign;
import org.voxbeam.testkit.JvmProcesses;

/**
 * A writing JVM is killed with SIGKILL at random moments; after each kill the store opens, shows no
 * partial row or blob, and holds everything acknowledged before the kill. Each trial starts a JVM:
 * the everyday build runs 3, the campaign {@code voxbeam.crashTrials} more (5 by default, 500 in
 * the stress command of docs/testing.md).
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void killedWritersLoseNothingAcknowledged() throws Exception {
    killWriters(3, 20261124);
  }

  @Campaign
  @Test
  void aLongCampaignOfKilledWritersLosesNothingAcknowledged() throws Exception {
    killWriters(Integer.getInteger("voxbeam.crashTrials", 5), 20261203);
  }

  private void killWriters(int trials, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> acknowledged = new ArrayList<>();
    for (int trial = 0; trial < trials; trial++) {
      Process writer =
          JvmProcesses.start(
              WriterProcess.class,
              List.of("-Xmx128m"),
              List.of(dir.toString(), "t" + trial, "0", "25"));
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      String first = lines.readLine();
      assertTrue(first != null && first.startsWith("ack "), "writer started: " + first);
      acknowledged.add(first.substring(4));
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(5, 300));
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("ack ")) {
                      synchronized (acknowledged) {
                        acknowledged.add(line.substring(4));
                      }
                    }
                  }
                } catch (java.io.IOException closed) {
                  // The writer was killed.
                }
              });
      reader.start();
      while (System.nanoTime() < killAt) {
        Thread.sleep(1);
      }
      writer.destroyForcibly();
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
      reader.join();
      check(acknowledged);
    }
  }

  private void check(List<String> acknowledged) throws Exception {
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      synchronized (acknowledged) {
        for (String name : acknowledged) {
          StoredResult result =
              store
                  .get(WriterProcess.idOf(name))
                  .orElseThrow(() -> new AssertionError("lost " + name));
          SameValue.assertSame(WriterProcess.valueOf(name), result.value());
        }
      }
      assertTrue(
          new StoreMaintenance(store).verify().problems().isEmpty(), "verify finds nothing wrong");
    }
    try (var segments = Files.list(dir.resolve("segments"))) {
      assertTrue(segments.allMatch(path -> path.getFileName().toString().endsWith(".parquet")));
    }
  }
}
