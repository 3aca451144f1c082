package org.voxbeam.launcher;

import java.nio.file.Path;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreAddress;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreOptions;
import picocli.CommandLine.Option;

/**
 * Which result store a command uses. By default the persistent store configured as {@code
 * store.path} (or {@code $VOXBEAM_STORE}), else {@code ~/.voxbeam/store}, so results are shared by
 * every run of every program on this machine; {@code --store} points elsewhere (a directory or a
 * {@code file:} URI; other URI schemes are refused) and {@code --in-memory} uses a store that is
 * discarded at exit. Commands that only read or maintain a store open it with {@link
 * #openExisting()}, which refuses a directory that is not a store instead of creating one.
 */
final class StoreLocation {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "Result store directory (default: store.path or $VOXBEAM_STORE, else ~/.voxbeam/store).")
  String location;

  @Option(
      names = "--in-memory",
      description = "Use a throwaway in-memory store instead of a directory.")
  boolean inMemory;

  @Option(
      names = "--cache-mb",
      defaultValue = "256",
      description = "Memory for decoded results, in MB (default: ${DEFAULT-VALUE}).")
  long cacheMegabytes;

  /**
   * The directory of the persistent store this command uses.
   *
   * @throws StoreException if {@code --store} names a kind of store VoxBeam cannot open
   */
  Path directory() {
    if (location != null) {
      return StoreAddress.directory(location);
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

  /** The store as chosen, which must exist already unless it is {@code --in-memory}. */
  VoxBeam openExisting() {
    return inMemory ? VoxBeam.inMemory() : VoxBeam.openExisting(directory(), cacheBytes());
  }

  /** The directory store, which must exist already, for maintenance. */
  ParquetResultStore openPersistentExisting() {
    try {
      return ParquetResultStore.openExisting(
          directory(), StoreOptions.defaults().withCacheBytes(cacheBytes()));
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
