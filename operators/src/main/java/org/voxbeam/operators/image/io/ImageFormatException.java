package org.voxbeam.operators.image.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be read or written as it claims to be. The message names the file and
 * the header field (or part of the file) at fault, because the person who has to fix it is looking
 * at a dataset of hundreds of files, not at a stack trace.
 */
public final class ImageFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String field;

  public ImageFormatException(Path file, String field, String problem) {
    this(file.toString(), field, problem);
  }

  public ImageFormatException(Path file, String field, String problem, Throwable cause) {
    this(file.toString(), field, problem, cause);
  }

  /**
   * @param file the file as the message names it: a path, or the URI of a remote object
   */
  public ImageFormatException(String file, String field, String problem) {
    super(file + ": " + field + ": " + problem);
    this.file = file;
    this.field = field;
  }

  public ImageFormatException(String file, String field, String problem, Throwable cause) {
    this(file, field, problem);
    initCause(cause);
  }

  /** The file at fault, as the message names it. */
  public String file() {
    return file;
  }

  /**
   * The header field or file part at fault ({@code dim[2]}, {@code datatype}, {@code gzip stream}).
   */
  public String field() {
    return field;
  }
}
