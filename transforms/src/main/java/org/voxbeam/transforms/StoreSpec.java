package org.voxbeam.transforms;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.voxbeam.storage.StoreAddress;
import org.voxbeam.storage.remote.RemoteStores;

/**
 * Which result store the workers open and the memory its cache may use. Serializable, because it
 * travels to the workers inside the {@code DoFn}s.
 *
 * <p>The store is either a directory every worker reaches (a shared filesystem path on a cluster)
 * or a remote store ({@code s3://bucket/prefix}, {@code hdfs://host:port/path}) that each worker
 * JVM opens through {@link RemoteStores} with a working directory of its own, so that workers share
 * only the remote.
 *
 * @param location the store directory, absolute (a {@code file:} URI is accepted; other URI schemes
 *     than {@code s3} and {@code hdfs} are refused, see {@link StoreAddress}), or the remote
 *     store's URI as the user wrote it
 * @param s3Endpoint the S3-compatible server of an {@code s3://} store, or null for AWS's own
 * @param workDirectory a remote store's working directory in each JVM, absolute, or null for a new
 *     temporary directory per JVM
 * @param cacheBytes memory for decoded results in each worker JVM
 */
public record StoreSpec(String location, URI s3Endpoint, String workDirectory, long cacheBytes)
    implements Serializable {
  private static final long serialVersionUID = 2L;

  public StoreSpec {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("a store directory is required");
    }
    if (cacheBytes < 0) {
      throw new IllegalArgumentException(
          "the cache budget must not be negative, got " + cacheBytes);
    }
    if (RemoteStores.isRemote(location)) {
      if (workDirectory != null) {
        workDirectory = Path.of(workDirectory).toAbsolutePath().normalize().toString();
      }
    } else {
      if (s3Endpoint != null) {
        throw new IllegalArgumentException(
            "--storeEndpoint " + s3Endpoint + " is for an s3:// store, but --store is " + location);
      }
      if (workDirectory != null) {
        throw new IllegalArgumentException(
            "--storeWorkDir "
                + workDirectory
                + " is for a remote store, but --store is "
                + location);
      }
      location = StoreAddress.directory(location).toAbsolutePath().normalize().toString();
    }
  }

  /** A store directory. */
  public StoreSpec(String directory, long cacheBytes) {
    this(directory, null, null, cacheBytes);
  }

  /** Whether the store is remote, opened by each JVM through a working directory of its own. */
  public boolean remote() {
    return RemoteStores.isRemote(location);
  }

  /** The S3-compatible server of an {@code s3://} store, if one is named. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(s3Endpoint);
  }

  /** The same store, opened through {@code directory} where this JVM opens it first. */
  public StoreSpec withWorkDirectory(Path directory) {
    return remote() ? new StoreSpec(location, s3Endpoint, directory.toString(), cacheBytes) : this;
  }

  /** One open store per key per JVM (see {@link SharedStores}). */
  String key() {
    return s3Endpoint == null ? location : location + " at " + s3Endpoint;
  }
}
