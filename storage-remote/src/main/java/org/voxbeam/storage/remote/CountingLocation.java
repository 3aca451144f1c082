package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A remote location that counts the bytes it moves: what reads brought and what puts stored (a put
 * that finds its name taken moves nothing a reader would count). The tiered store reports them, so
 * that a run on a cluster can say what each worker sent to and took from the remote.
 */
final class CountingLocation implements RemoteLocation {
  private final RemoteLocation remote;
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  CountingLocation(RemoteLocation remote) {
    this.remote = remote;
  }

  @Override
  public List<RemoteObject> objects(String prefix) throws IOException {
    return remote.objects(prefix);
  }

  @Override
  public void delete(String name) throws IOException {
    remote.delete(name);
  }

  @Override
  public boolean read(String name, Path target) throws IOException {
    boolean found = remote.read(name, target);
    if (found) {
      read.addAndGet(Files.size(target));
    }
    return found;
  }

  @Override
  public boolean putIfAbsent(String name, Path source) throws IOException {
    boolean stored = remote.putIfAbsent(name, source);
    if (stored) {
      written.addAndGet(Files.size(source));
    }
    return stored;
  }

  @Override
  public String describe() {
    return remote.describe();
  }

  /** Bytes of the objects read so far. */
  long bytesRead() {
    return read.get();
  }

  /** Bytes of the objects stored so far. */
  long bytesWritten() {
    return written.get();
  }

  @Override
  public void close() {
    remote.close();
  }
}
