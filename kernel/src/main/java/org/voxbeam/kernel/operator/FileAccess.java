package org.voxbeam.kernel.operator;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Which files operators may read or write. The command line lets programs use any local file the
 * user can; a server confines them to its data roots, so a submitted program cannot read {@code
 * /etc/passwd} through an image loader. Remote inputs ({@code s3://}, {@code hdfs://}) are refused
 * by every policy unless allowed by prefix ({@link #allowingRemote}): a bucket is not the user's
 * own disk, and a program should not be able to read any object the credentials reach.
 */
@FunctionalInterface
public interface FileAccess {

  /** Every local path as given; no remote input. */
  FileAccess UNRESTRICTED = path -> path;

  /**
   * The path to use for {@code requested}.
   *
   * @throws OperatorException if the path may not be used
   */
  Path check(Path requested);

  /**
   * The remote input to read for {@code requested}; by default none may be read.
   *
   * @throws OperatorException if it may not be read
   */
  default URI checkRemote(URI requested) {
    throw RemoteRoots.refusal(requested);
  }

  /**
   * This policy for local paths, reading remote inputs under {@code roots} ({@code
   * s3://bucket/prefix}, {@code hdfs://host:port/path}) and no others.
   */
  default FileAccess allowingRemote(List<URI> roots) {
    return roots.isEmpty() ? this : new RemoteRoots(this, roots);
  }
}
