package org.voxbeam.transforms;

import java.io.Serializable;
import java.nio.file.Path;
import org.voxbeam.storage.StoreAddress;

/**
 * Which result store the workers open: a directory every worker can reach (a shared filesystem path
 * on a cluster) and the memory its cache may use. Serializable, because it travels to the workers
 * inside the {@code DoFn}.
 *
 * @param directory the store directory, absolute (a {@code file:} URI is accepted; other URI
 *     schemes are refused, see {@link StoreAddress})
 * @param cacheBytes memory for decoded results in each worker JVM
 */
public record StoreSpec(String directory, long cacheBytes) implements Serializable {
  private static final long serialVersionUID = 1L;

  public StoreSpec {
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("a store directory is required");
    }
    directory = StoreAddress.directory(directory).toString();
    if (cacheBytes < 0) {
      throw new IllegalArgumentException(
          "the cache budget must not be negative, got " + cacheBytes);
    }
    directory = Path.of(directory).toAbsolutePath().normalize().toString();
  }
}
