package org.voxbeam.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The store could not do what was asked because of its files: unreadable, unwritable, or not a
 * VoxBeam store. The message names the path.
 */
public final class StoreException extends RuntimeException {
  private final boolean environment;

  public StoreException(String message) {
    this(message, null, false);
  }

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private StoreException(String message, Throwable cause, boolean environment) {
    super(message, cause);
    this.environment = environment;
  }

  /**
   * Whether the environment failed (a full disk, a permission, a read-only file system) rather than
   * the store's content being wrong.
   */
  public boolean environment() {
    return environment;
  }

  /**
   * A failure of the environment, in one line: {@code cannot OPERATION PATH: CAUSE}, the cause as
   * the operating system put it ("No space left on device", "Read-only file system", "permission
   * denied"), without the library's exception names.
   */
  public static StoreException io(String operation, Path path, Throwable cause) {
    return new StoreException(
        "cannot " + operation + " " + path + ": " + reason(cause), cause, true);
  }

  /** The operating system's reason for {@code failure}, from the innermost I/O error behind it. */
  public static String reason(Throwable failure) {
    Throwable innermost = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof IOException) {
        innermost = t;
      }
      if (t.getCause() == null) {
        break;
      }
    }
    Throwable cause = innermost == null ? failure : innermost;
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (cause instanceof FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (cause instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (cause instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }
}
