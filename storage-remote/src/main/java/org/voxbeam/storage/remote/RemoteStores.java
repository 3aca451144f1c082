package org.voxbeam.storage.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.maintenance.GcReport;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens a store named by a remote URI: {@code s3://bucket/prefix}, with an endpoint for an
 * S3-compatible server (path-style access) and credentials and region found as the AWS SDK finds
 * them (environment, system properties, profile files; the region defaults to {@code us-east-1}),
 * or {@code hdfs://host:port/path} where Hadoop's shaded HDFS client is on the classpath.
 */
public final class RemoteStores {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteStores.class);

  /** A class of Hadoop's HDFS client that the bare hadoop-common of the store module lacks. */
  private static final String HDFS_CLIENT = "org.apache.hadoop.hdfs.DistributedFileSystem";

  private RemoteStores() {}

  /** Whether {@code location} names a remote store rather than a directory. */
  public static boolean isRemote(String location) {
    return scheme(location)
        .filter(scheme -> scheme.equals("s3") || scheme.equals("hdfs"))
        .isPresent();
  }

  /**
   * The store at {@code location} through the working directory {@code workDirectory}.
   *
   * @param s3Endpoint the S3-compatible server to use instead of AWS's own
   * @throws StoreException if the URI is malformed, or the store cannot be opened
   */
  public static TieredStore open(
      String location, Optional<URI> s3Endpoint, Path workDirectory, StoreOptions options) {
    return TieredStore.open(locate(location, s3Endpoint), workDirectory, options);
  }

  /**
   * Collects the garbage of the remote store at {@code location}: the blobs no published row refers
   * to and the temporary objects writers left, older than {@code grace} (see {@link
   * RemoteGarbage}).
   *
   * @param dryRun report what would be removed, removing nothing
   * @throws StoreException if the URI is malformed, or the remote cannot be listed, read or deleted
   *     from
   */
  public static GcReport collectGarbage(
      String location, Optional<URI> s3Endpoint, Duration grace, boolean dryRun) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("voxbeam-gc");
    } catch (IOException e) {
      throw new StoreException("cannot make a scratch directory: " + e.getMessage(), e);
    }
    try (RemoteLocation remote = locate(location, s3Endpoint)) {
      return RemoteGarbage.collect(remote, scratch, grace, dryRun);
    } finally {
      try {
        Files.deleteIfExists(scratch);
      } catch (IOException e) {
        LOG.debug("could not remove {}: {}", scratch, e.getMessage());
      }
    }
  }

  /**
   * The remote location {@code location} names.
   *
   * @throws StoreException if it is not an {@code s3://bucket[/prefix]} URI
   */
  static RemoteLocation locate(String location, Optional<URI> s3Endpoint) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw new StoreException("store " + location + " is not a URI: " + e.getMessage());
    }
    String scheme = scheme(location).orElse("");
    if (scheme.equals("hdfs")) {
      return hdfs(location, uri);
    }
    if (!scheme.equals("s3")) {
      throw new StoreException(
          "store " + location + ": only s3:// and hdfs:// remote stores are supported");
    }
    String bucket = uri.getHost();
    if (bucket == null || bucket.isEmpty()) {
      throw new StoreException(
          "store " + location + " names no bucket (write s3://bucket or s3://bucket/prefix)");
    }
    String prefix = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    return new S3Location(s3Client("store " + location, s3Endpoint), bucket, prefix);
  }

  /**
   * A client for {@code endpoint} (AWS's own when empty), with credentials and region found as the
   * AWS SDK finds them.
   *
   * @param what what needs the client, for the message
   * @throws StoreException if no credentials are found
   */
  static S3Client s3Client(String what, Optional<URI> endpoint) {
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try {
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      throw new StoreException(
          what
              + ": no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or"
              + " the aws.accessKeyId and aws.secretAccessKey system properties, or a profile)");
    }
    return S3Location.client(endpoint.orElse(null), region(), credentials);
  }

  /**
   * The HDFS location {@code uri}, with Hadoop's configuration as found on the classpath and in
   * {@code HADOOP_CONF_DIR}'s usual places.
   *
   * @throws StoreException if Hadoop's HDFS client is not on the classpath, or the URI names no
   *     name node
   */
  private static RemoteLocation hdfs(String location, URI uri) {
    if (uri.getHost() == null) {
      throw new StoreException(
          "store " + location + " names no name node (write hdfs://host:port/path)");
    }
    try {
      Class.forName(HDFS_CLIENT, false, RemoteStores.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new StoreException(
          "store "
              + location
              + ": hdfs:// stores need Hadoop's shaded client (hadoop-client-api and"
              + " hadoop-client-runtime) on the classpath, which this build does not carry");
    }
    try {
      return new HdfsLocation(uri, new org.apache.hadoop.conf.Configuration());
    } catch (IOException e) {
      throw new StoreException(
          "store " + location + ": cannot connect: " + StoreException.reason(e), e);
    }
  }

  private static Region region() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      return Region.US_EAST_1;
    }
  }

  private static Optional<String> scheme(String location) {
    int colon = location.indexOf("://");
    return colon <= 0
        ? Optional.empty()
        : Optional.of(location.substring(0, colon).toLowerCase(Locale.ROOT));
  }
}
