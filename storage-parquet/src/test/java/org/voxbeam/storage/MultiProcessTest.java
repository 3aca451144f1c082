package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.testkit.JvmProcesses;

/**
 * Three JVMs write one store at once, overlapping ids and distinct ones: every acknowledged result
 * is readable with its value afterwards, and each process sees the others' results without
 * reopening the store.
 */
class MultiProcessTest {
  private static final int PROCESSES = 3;
  private static final int BATCHES = 6;
  private static final int BATCH_SIZE = 40;

  @TempDir Path dir;

  @Test
  void concurrentProcessesShareOneStore() throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  dir.toString(),
                  "p" + p,
                  Integer.toString(BATCHES),
                  Integer.toString(BATCH_SIZE)));
      for (int other = 0; other < PROCESSES; other++) {
        if (other != p) {
          args.add("p" + other + "-" + (BATCHES - 1) + "-" + (BATCH_SIZE - 1));
        }
      }
      processes.add(JvmProcesses.start(WriterProcess.class, List.of("-Xmx256m"), args));
    }
    Set<String> acknowledged = new HashSet<>();
    int seen = 0;
    for (Process process : processes) {
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("ack ")) {
            acknowledged.add(line.substring(4));
          } else if (line.startsWith("seen ")) {
            seen++;
          }
        }
      }
      assertTrue(process.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, process.exitValue());
    }
    assertEquals(PROCESSES * (PROCESSES - 1), seen, "every process saw every other's last result");
    assertEquals(
        BATCHES * BATCH_SIZE / 4 + PROCESSES * BATCHES * BATCH_SIZE * 3 / 4, acknowledged.size());
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      for (String name : acknowledged) {
        StoredResult result =
            store
                .get(WriterProcess.idOf(name))
                .orElseThrow(() -> new AssertionError("lost " + name));
        SameValue.assertSame(WriterProcess.valueOf(name), result.value());
      }
    }
  }
}
