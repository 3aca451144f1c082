package org.voxbeam.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreAddress;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.remote.RemoteStores;
import picocli.CommandLine.Option;

/**
 * Which result store a command uses. By default the persistent store configured as {@code
 * store.path} (or {@code $VOXBEAM_STORE}), else {@code ~/.voxbeam/store}, so results are shared by
 * every run of every program on this machine; {@code --store} points elsewhere (a directory, a
 * {@code file:} URI, or an {@code s3://bucket/prefix} store on object storage, with {@code
 * --store-endpoint} for an S3-compatible server and {@code --store-work-dir} for this process's
 * working directory; other URI schemes are refused) and {@code --in-memory} uses a store that is
 * discarded at exit. Commands that only read or maintain a store open it with {@link
 * #openExisting()}, which refuses a directory that is not a store instead of creating one; store
 * maintenance on a remote store acts on its working directory.
 */
final class StoreLocation {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "Result store directory (default: store.path or $VOXBEAM_STORE, else ~/.voxbeam/store).")
  String location;

  @Option(
      names = "--store-endpoint",
      paramLabel = "URL",
      description =
          "The S3-compatible server of an s3:// --store (path-style access), instead of AWS's own.")
  String endpoint;

  @Option(
      names = "--store-work-dir",
      paramLabel = "DIR",
      description =
          "This process's working directory for an s3:// --store (default: one per store URI"
              + " under ~/.voxbeam/remote).")
  String workDirectory;

  @Option(
      names = "--in-memory",
      description = "Use a throwaway in-memory store instead of a directory.")
  boolean inMemory;

  @Option(
      names = "--cache-mb",
      defaultValue = "256",
      description = "Memory for decoded results, in MB (default: ${DEFAULT-VALUE}).")
  long cacheMegabytes;

  /** {@code --store-endpoint}, if given. */
  Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /**
   * The directory of the persistent store this command uses; for a remote store, its working
   * directory.
   *
   * @throws StoreException if {@code --store} names a kind of store VoxBeam cannot open
   */
  Path directory() {
    if (remote()) {
      return workDirectory();
    }
    if (location != null) {
      return StoreAddress.directory(location);
    }
    return Path.of(System.getProperty("user.home"), ".voxbeam", "store");
  }

  private boolean remote() {
    return location != null && RemoteStores.isRemote(location);
  }

  /** {@code --store-work-dir}, else a directory named after the store's URI. */
  private Path workDirectory() {
    if (workDirectory != null) {
      return StoreAddress.directory(workDirectory);
    }
    return Path.of(System.getProperty("user.home"), ".voxbeam", "remote")
        .resolve(Sha256.of(location).substring(0, 16));
  }

  private Optional<URI> endpointUri() {
    try {
      return Optional.ofNullable(endpoint).map(URI::create);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--store-endpoint " + endpoint + " is not a URL");
    }
  }

  private VoxBeam openRemote() {
    return VoxBeam.openRemote(location, endpointUri(), workDirectory(), cacheBytes());
  }

  /**
   * For a remote store, collects the garbage of the remote itself (that of its working directory is
   * {@link #openPersistentExisting}'s to collect); empty for a directory store.
   */
  Optional<GcReport> collectRemoteGarbage(Duration grace, boolean dryRun) {
    if (!remote()) {
      return Optional.empty();
    }
    return Optional.of(RemoteStores.collectGarbage(location, endpointUri(), grace, dryRun));
  }

  /** The store as chosen: in memory with {@code --in-memory}, else the directory. */
  VoxBeam open() {
    return inMemory ? VoxBeam.inMemory() : openPersistentVoxBeam();
  }

  /** The directory store, whatever {@code --in-memory} says (for commands that need one). */
  VoxBeam openPersistentVoxBeam() {
    return remote() ? openRemote() : VoxBeam.open(directory(), cacheBytes());
  }

  /** The store as chosen, which must exist already unless it is {@code --in-memory}. */
  VoxBeam openExisting() {
    if (inMemory) {
      return VoxBeam.inMemory();
    }
    return remote() ? openRemote() : VoxBeam.openExisting(directory(), cacheBytes());
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
