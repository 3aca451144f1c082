package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A place on a remote file system or object store that holds a result store's files under the same
 * names as a local store directory ({@code segments/seg-…parquet}, {@code blobs/sha256/ab/cdef…},
 * {@code manifest/…}). It asks of the backend only what an object store gives: listing names under
 * a prefix, reading an object whole, and a put that makes an object visible complete or not at all
 * and never replaces one that exists. Every name the store writes is unique (segments) or
 * content-addressed (blobs), so a put that finds its name taken has nothing left to do. Only
 * garbage collection ({@link RemoteGarbage}) deletes, and only objects no row refers to.
 *
 * <p>Implementations are thread-safe. Names are relative to the location, with {@code /} between
 * parts.
 */
public interface RemoteLocation extends AutoCloseable {
  /** The names under {@code prefix} (which ends with {@code /}), in no particular order. */
  default List<String> list(String prefix) throws IOException {
    return objects(prefix).stream().map(RemoteObject::name).toList();
  }

  /** The objects under {@code prefix} (which ends with {@code /}), in no particular order. */
  List<RemoteObject> objects(String prefix) throws IOException;

  /** Deletes the object {@code name}; nothing happens if there is none. */
  void delete(String name) throws IOException;

  /**
   * Copies the object {@code name} to {@code target}, replacing what the file held.
   *
   * @return false if there is no such object
   */
  boolean read(String name, Path target) throws IOException;

  /**
   * Stores the content of {@code source} as {@code name} unless an object of that name exists.
   *
   * @return whether this call stored it: false if the name was taken, by this content or (for a
   *     unique name, never in practice) another
   */
  boolean putIfAbsent(String name, Path source) throws IOException;

  /** The location as the user named it, for messages. */
  String describe();

  @Override
  void close();

  /**
   * An object as a listing gives it.
   *
   * @param name its name, relative to the location
   * @param size its length in bytes
   * @param modified when it was written
   */
  record RemoteObject(String name, long size, Instant modified) {}
}
