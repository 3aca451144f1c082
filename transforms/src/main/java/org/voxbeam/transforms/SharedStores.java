package org.voxbeam.transforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.remote.RemoteStores;

/**
 * One open store per store per JVM, shared by every {@code DoFn} instance (and the driver, when it
 * runs in the same JVM) and closed when the last user lets go.
 *
 * <p>A runner creates many {@code DoFn} instances per worker JVM, one per thread and stage; opening
 * the store in each would index the store's segments and fill a cache per instance. Sharing keeps
 * one index and one cache per JVM.
 *
 * <p>A remote store is opened through {@link RemoteStores}, the launcher's factory, with the
 * working directory its {@link StoreSpec} names, or else a temporary directory of this JVM's,
 * created at the first opening and kept until the JVM exits, so that a store opened again (the next
 * stage's tasks on a runner that tears its {@code DoFn}s down between stages) pulls only what it
 * lacks. Every commit is published to the remote before {@code putAll} returns, so a bundle's
 * results are on the remote once the bundle finished, before the next stage's barrier lets its
 * readers start.
 *
 * <p>A lookup of a result the store does not know lists the segments (of the directory, and of the
 * remote) at most once per {@link #MISS_RELIST_MILLIS} ({@link StoreOptions#missRelistMillis}).
 * Every {@code DoFn} calls {@link ResultStore#refresh} when a bundle starts, which lists them at
 * once, and a bundle starts only after the stages it reads from have committed (see {@link
 * RunStage}), so what a bundle looks up and does not find was not computed yet: the items of a
 * fan-out stage, one lookup each, used to list a directory that the stage's own commits kept
 * changing, once per item.
 */
final class SharedStores {
  /** The longest a lookup miss waits before the store lists the segments again. */
  static final long MISS_RELIST_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(SharedStores.class);
  private static final Map<String, Entry> OPEN = new HashMap<>();

  /** This JVM's working directories of remote stores opened without one, by store. */
  private static final Map<String, Path> TEMPORARY_WORK = new HashMap<>();

  private SharedStores() {}

  /** The store of {@code spec}, opened if this JVM has not opened it yet. */
  static StoreLease acquire(StoreSpec spec) {
    synchronized (OPEN) {
      Entry entry = OPEN.get(spec.key());
      if (entry == null) {
        LOG.debug("opening result store {}", spec.location());
        entry = new Entry(open(spec));
        OPEN.put(spec.key(), entry);
      }
      entry.users++;
      return new StoreLease(spec.key(), entry.store);
    }
  }

  private static ResultStore open(StoreSpec spec) {
    StoreOptions options =
        StoreOptions.defaults()
            .withCacheBytes(spec.cacheBytes())
            .withMissRelistMillis(MISS_RELIST_MILLIS);
    if (!spec.remote()) {
      return ParquetResultStore.open(Path.of(spec.location()), options);
    }
    Path work =
        spec.workDirectory() != null ? Path.of(spec.workDirectory()) : temporaryWork(spec.key());
    return RemoteStores.open(spec.location(), spec.endpoint(), work, options);
  }

  /** Called with {@link #OPEN} held. */
  private static Path temporaryWork(String key) {
    return TEMPORARY_WORK.computeIfAbsent(
        key,
        unused -> {
          try {
            Path directory = Files.createTempDirectory("voxbeam-work-");
            Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> deleteTree(directory), "voxbeam-work-cleanup"));
            LOG.debug("working directory {} for {}", directory, key);
            return directory;
          } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory for " + key, e);
          }
        });
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // The JVM is exiting: what is left is the temporary directory's owner's to remove.
    }
  }

  static void release(String key) {
    ResultStore toClose = null;
    synchronized (OPEN) {
      Entry entry = OPEN.get(key);
      if (entry != null && --entry.users == 0) {
        OPEN.remove(key);
        toClose = entry.store;
      }
    }
    if (toClose != null) {
      LOG.debug("closing result store {}", key);
      toClose.close();
    }
  }

  /** An open store and how many leases hold it. */
  private static final class Entry {
    private final ResultStore store;
    private int users;

    Entry(ResultStore store) {
      this.store = store;
    }
  }
}
