package org.voxbeam.storage.remote;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.voxbeam.kernel.io.InputSources;

/**
 * Registers the readers of remote program inputs in {@link InputSources}: {@code s3://} through the
 * store's S3 client (the AWS SDK for Java v2; an endpoint for S3-compatible servers), and {@code
 * hdfs://} where Hadoop's shaded HDFS client is on the classpath (elsewhere {@code hdfs://} inputs
 * are refused in one line, as {@code hdfs://} stores are). Called by whoever runs programs (the
 * API) before a run, with the run's endpoint; one reader per endpoint is kept for the JVM, so
 * repeated runs reuse its connections.
 */
public final class RemoteInputSources {
  private static final String HDFS_CLIENT = "org.apache.hadoop.hdfs.DistributedFileSystem";
  private static final Map<String, S3Inputs> S3_BY_ENDPOINT = new ConcurrentHashMap<>();
  private static volatile HdfsInputs hdfs;

  private RemoteInputSources() {}

  /**
   * Makes {@code s3://} (and, where the client is present, {@code hdfs://}) inputs readable in this
   * JVM.
   *
   * @param s3Endpoint the S3-compatible server to read {@code s3://} inputs from instead of AWS's
   */
  public static void install(Optional<URI> s3Endpoint) {
    String key = s3Endpoint.map(URI::toString).orElse("");
    InputSources.register(
        "s3",
        S3_BY_ENDPOINT.computeIfAbsent(
            key, unused -> new S3Inputs(() -> RemoteStores.s3Client("s3:// inputs", s3Endpoint))));
    if (hdfsClientPresent()) {
      InputSources.register("hdfs", hdfsInputs());
    }
  }

  private static synchronized HdfsInputs hdfsInputs() {
    if (hdfs == null) {
      hdfs = new HdfsInputs();
    }
    return hdfs;
  }

  private static boolean hdfsClientPresent() {
    try {
      Class.forName(HDFS_CLIENT, false, RemoteInputSources.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
