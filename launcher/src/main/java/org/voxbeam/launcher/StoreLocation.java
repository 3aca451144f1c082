package org.voxbeam.launcher;

import java.nio.file.Path;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreOptions;
import picocli.CommandLine.Option;

/**
 * Which result store a command uses. By default the persistent store configured as
 * {@code store.path} (or {@code $VOXBEAM_STORE}), else {@code ~/.voxbeam/store}, so results are shared
 * by every run of every program on this machine; {@code --store} points elsewhere and
 * {@code --in-memory} uses a store that is discarded at exit.
 */
final class StoreLocation {
  @Option(names = "--store", paramLabel = "DIR", description = "Result store directory (default: store.path or $VOXBEAM_STORE, else ~/.voxbeam/store).")
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
    return Path.of(System.getProperty("user.home"), ".voxbeam", "store");
  }

  /** The store as chosen: in memory with {@code --in-memory}, else the directory. */
  VoxBeam open() {
    return inMemory ? VoxBeam.inMemory() : openPersistentVoxBeam();
  }

  /** The directory store, whatever {@code --in-memory} says (for commands that need one). */
  VoxBeam openPersistentVoxBeam() {
    return VoxBeam.open(directory(), cacheBytes());
  }

  ParquetResultStore openPersistent() {
    try {
      return ParquetResultStore.open(directory(), StoreOptions.defaults().withCacheBytes(cacheBytes()));
    } catch (StoreException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private long cacheBytes() {
    if (cacheMegabytes < 0) {
      throw new InvalidInputException("--cache-mb must not be negative, got " + cacheMegabytes);
    }
    return cacheMegabytes << 20;
  }
}
