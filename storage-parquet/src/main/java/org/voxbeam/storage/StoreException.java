package org.voxbeam.storage;

/**
 * The store could not do what was asked because of its files: unreadable, unwritable, or not a
 * VoxBeam store. The message names the path.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
