package org.voxbeam.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * A separate JVM that writes to a store, for the multi-process and crash tests. It prints {@code
 * ack <name>} for every result once {@code putAll} has returned (the result is committed), and
 * {@code seen <name>} when it finds a result written by another process.
 *
 * <p>Arguments: store directory, own prefix, number of batches (0 = until killed), batch size, then
 * the names of results other processes write, to wait for.
 */
public final class WriterProcess {
  private WriterProcess() {}

  /**
   * The value every writer stores under {@code name}: the same name always gives the same value.
   */
  static Value valueOf(String name) {
    int h = name.hashCode();
    switch (Math.floorMod(h, 3)) {
      case 0 -> {
        return new NumberValue(h * 0.5);
      }
      case 1 -> {
        // Not all scalars, so its items are rows of their own; the inner one keeps its item.
        return new SequenceValue(
            List.of(new StringValue(name), new SequenceValue(List.of(new NumberValue(h)))));
      }
      default -> {
        byte[] bytes = new byte[4096 + Math.floorMod(h, 4096)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (i * 31 + h);
        }
        return new BytesValue(InMemoryBlob.copyOf(bytes));
      }
    }
  }

  static NodeId idOf(String name) {
    return StoredValues.id(name);
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path directory = Path.of(args[0]);
    String prefix = args[1];
    int batches = Integer.parseInt(args[2]);
    int batchSize = Integer.parseInt(args[3]);
    List<String> others = List.of(args).subList(4, args.length);
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      for (int batch = 0; batches == 0 || batch < batches; batch++) {
        List<StoredResult> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
          String name = (i % 4 == 0 ? "shared" : prefix) + "-" + batch + "-" + i;
          names.add(name);
          results.add(StoredValues.result(idOf(name), valueOf(name)));
        }
        store.putAll(results);
        for (String name : names) {
          out.println("ack " + name);
        }
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      List<String> waiting = new ArrayList<>(others);
      while (!waiting.isEmpty() && System.nanoTime() < deadline) {
        waiting.removeIf(
            name -> {
              boolean found = store.get(idOf(name)).isPresent();
              if (found) {
                out.println("seen " + name);
              }
              return found;
            });
        Thread.sleep(20);
      }
      out.println("done");
    }
  }
}
