package org.voxbeam.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.io.InputSources;

/**
 * The inputs a run may read from object storage or HDFS: {@code dir}, {@code load} and {@code
 * ReadImage} of an {@code s3://} or {@code hdfs://} name are allowed only under one of {@code
 * roots} (a bucket is not the user's own disk: no remote input is read unless its prefix is given),
 * and {@code s3://} names are read from {@code s3Endpoint} (an S3-compatible server) instead of
 * AWS's own.
 *
 * @param roots the allowed prefixes, such as {@code s3://bucket/cases} or {@code
 *     hdfs://namenode:8020/data}
 * @param s3Endpoint the S3-compatible server {@code s3://} inputs come from
 */
public record RemoteInputs(List<URI> roots, Optional<URI> s3Endpoint) {
  /** No remote input allowed. */
  public static final RemoteInputs NONE = new RemoteInputs(List.of(), Optional.empty());

  /**
   * @throws InvalidInputException if a root is not an {@code s3://bucket[/prefix]} or {@code
   *     hdfs://host:port[/path]} URI
   */
  public RemoteInputs {
    roots = List.copyOf(roots);
    for (URI root : roots) {
      boolean remote;
      try {
        remote = InputSources.remote(root.toString()).isPresent();
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("remote data root " + root + ": " + e.getMessage());
      }
      if (!remote) {
        throw new InvalidInputException(
            "remote data root "
                + root
                + " is not an s3://bucket/prefix or hdfs://host:port/path URI");
      }
    }
  }
}
