package org.voxbeam.storage.remote;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.StoredValues;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A separate JVM that commits batches to a tiered store until it is killed, for the crash test. It
 * prints {@code published <batch>} once a batch's {@code putAll} has returned (committed and
 * published).
 *
 * <p>Arguments: {@code s3 ENDPOINT BUCKET PREFIX} or {@code hdfs URI}, then the working directory
 * and this writer's name.
 */
public final class RemoteWriterProcess {
  static final int BATCH = 4;

  private RemoteWriterProcess() {}

  /** The value every writer stores under {@code name}: 32 to 96 KB, the same for the same name. */
  static Value valueOf(String name) {
    int h = name.hashCode();
    byte[] bytes = new byte[32_768 + Math.floorMod(h, 65_536)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + h);
    }
    return new BytesValue(InMemoryBlob.copyOf(bytes));
  }

  static String name(String writer, int batch, int item) {
    return writer + "-" + batch + "-" + item;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    RemoteLocation location;
    int next;
    if (args[0].equals("s3")) {
      location =
          new S3Location(
              S3Location.client(
                  URI.create(args[1]),
                  Region.US_EAST_1,
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"))),
              args[2],
              args[3]);
      next = 4;
    } else {
      location = new HdfsLocation(URI.create(args[1]), new org.apache.hadoop.conf.Configuration());
      next = 2;
    }
    Path workDirectory = Path.of(args[next]);
    String writer = args[next + 1];
    try (TieredStore store = TieredStore.open(location, workDirectory, StoreOptions.defaults())) {
      for (int batch = 0; ; batch++) {
        List<StoredResult> results = new ArrayList<>();
        for (int item = 0; item < BATCH; item++) {
          String name = name(writer, batch, item);
          results.add(StoredValues.result(name, valueOf(name)));
        }
        store.putAll(results);
        out.println("published " + batch);
      }
    }
  }
}
