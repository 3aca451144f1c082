package org.voxbeam.launcher;

import java.nio.file.Path;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreOptions;
import picocli.CommandLine.Option;

/**
 * Which result store a command uses. By default the persistent store in
 * {@code $VOXBEAM_STORE}, or {@code ~/.voxbeam/store} when that is unset, so results are shared
 * by every run of every program on this machine; {@code --store} points elsewhere and
 * {@code --in-memory} uses a store that is discarded at exit.
 */
final class StoreLocation {
  static final String ENVIRONMENT_VARIABLE = "VOXBEAM_STORE";

  @Option(names = "--store", paramLabel = "DIR", description = "Result store directory (default: $VOXBEAM_STORE or ~/.voxbeam/store).")
  Path directory;

  @Option(names = "--in-memory", description = "Use a throwaway in-memory store instead of a directory.")
  boolean inMemory;

  @Option(names = "--cache-mb", defaultValue = "256", description = "Memory for decoded results, in MB (default: ${DEFAULT-VALUE}).")
  long cacheMegabytes;

  /** The directory of the persistent store this command uses. */
  Path directory() {
    if (directory != null) {
      return directory;
    }
    String configured = System.getenv(ENVIRONMENT_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".voxbeam", "store");
  }

  ResultStore open() {
    if (inMemory) {
      return new InMemoryResultStore();
    }
    return openPersistent();
  }

  ParquetResultStore openPersistent() {
    if (cacheMegabytes < 0) {
      throw new UserInputException("--cache-mb must not be negative, got " + cacheMegabytes);
    }
    try {
      return ParquetResultStore.open(directory(), StoreOptions.defaults().withCacheBytes(cacheMegabytes << 20));
    } catch (StoreException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
