package org.voxbeam.operators.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.voxbeam.kernel.io.InputSource;
import org.voxbeam.kernel.io.InputSources;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.OperatorException;

/**
 * An input a program names by the URI of an object store or HDFS ({@code s3://bucket/key}, {@code
 * hdfs://host:port/path}), allowed by the run's {@link FileAccess} and read through the {@link
 * InputSource} registered for its scheme. {@code dir}, {@code load} and {@code ReadImage} ask for
 * one first and fall back to a local path when the name is not remote.
 *
 * @param uri the object or folder
 * @param source what reads it
 */
public record RemoteInput(URI uri, InputSource source) {

  /**
   * The remote input {@code name} names, if it names one.
   *
   * @param operation the operator, for messages
   * @throws OperatorException if the name is a malformed remote URI, the policy refuses it, or no
   *     source reads its scheme in this process
   */
  public static Optional<RemoteInput> of(String name, FileAccess access, String operation) {
    Optional<URI> remote;
    try {
      remote = InputSources.remote(name);
    } catch (IllegalArgumentException e) {
      throw new OperatorException(operation + ": " + e.getMessage());
    }
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    URI uri = access.checkRemote(remote.get());
    InputSource source =
        InputSources.forUri(uri)
            .orElseThrow(
                () ->
                    new OperatorException(
                        operation
                            + ": "
                            + uri
                            + ": this process reads no "
                            + uri.getScheme()
                            + ":// inputs (its runner or build does not carry the client)"));
    return Optional.of(new RemoteInput(uri, source));
  }

  /** The last segment of the name: what decides an image format, as a file name does. */
  public String fileName() {
    String path = uri.getPath() == null ? "" : uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The content, as a stream the caller closes.
   *
   * @throws OperatorException naming the URI if there is no such object
   * @throws IOException if the backend cannot be read
   */
  public InputStream open(String operation) throws IOException {
    try {
      return source.open(uri);
    } catch (NoSuchFileException e) {
      throw new OperatorException(operation + " source not found: " + uri);
    }
  }

  /** {@code operation} failed reading this input: one line naming the URI and the reason. */
  public OperatorException failure(String operation, IOException e) {
    String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new OperatorException(operation + " failed: " + uri + ": " + reason, e);
  }
}
