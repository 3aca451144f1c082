package org.voxbeam.kernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.node.Sha256;

/**
 * Where the input files of a program come from when it names them by the URI of an object store or
 * a distributed file system ({@code s3://bucket/key}, {@code hdfs://host:port/path}) instead of a
 * local path. It asks of the backend what {@code dir}, {@code load} and {@code ReadImage} need and
 * what the recorded inputs of a result need to be checked cheaply: listing a folder, reading an
 * object as a stream, a version that changes whenever the content does (size and ETag on S3, size
 * and modification time on HDFS), and the SHA-256 of the content.
 *
 * <p>Local files are read as before, with {@code java.nio}; implementations for remote schemes live
 * with the remote clients (module {@code storage-remote}) and are registered by scheme in {@link
 * InputSources} by whoever opens stores, since the kernel and the operators carry no remote client.
 * Implementations are thread-safe; names in URIs are {@code /}-separated.
 */
public interface InputSource {
  /**
   * The entries below {@code folder}, as paths relative to it with {@code /} separators: objects,
   * and the folders their names imply (an object store has no folders of its own), to any depth
   * with {@code recursive}, else the direct entries only. In no particular order.
   *
   * @return empty if nothing lies below {@code folder} (no such folder)
   */
  Optional<List<String>> list(URI folder, boolean recursive) throws IOException;

  /**
   * What the backend says about {@code object} now, without reading it.
   *
   * @return empty if there is no such object (or it is a folder)
   */
  Optional<Version> version(URI object) throws IOException;

  /**
   * The content of {@code object}, as a stream the caller closes.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such object
   */
  InputStream open(URI object) throws IOException;

  /** The SHA-256 and size of {@code object}'s content, read as a stream. */
  default Sha256.Measured sha256(URI object) throws IOException {
    try (InputStream in = open(object)) {
      return Sha256.ofStream(in);
    }
  }

  /**
   * A cheap stand-in for an object's content.
   *
   * @param size bytes
   * @param modifiedNanos the last modification, nanoseconds since the epoch
   * @param tag a token the backend derives from the content (S3's ETag), empty where it has none
   *     (HDFS); an unchanged tag vouches for the content at once, while a modification time vouches
   *     only once it is older than the clock's granularity
   */
  record Version(long size, long modifiedNanos, String tag) {
    public Version {
      java.util.Objects.requireNonNull(tag, "tag");
    }
  }
}
