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

  private final transient Path file;
  private final String field;

  public ImageFormatException(Path file, String field, String problem) {
    super(file + ": " + field + ": " + problem);
    this.file = file;
    this.field = field;
  }

  public ImageFormatException(Path file, String field, String problem, Throwable cause) {
    this(file, field, problem);
    initCause(cause);
  }

  public Path file() {
    return file;
  }

  /**
   * The header field or file part at fault ({@code dim[2]}, {@code datatype}, {@code gzip stream}).
   */
  public String field() {
    return field;
  }
}
