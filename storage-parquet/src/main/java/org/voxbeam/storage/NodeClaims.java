package org.voxbeam.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.WorkClaims;

/**
 * Claims on nodes as byte-range locks on one file, {@code claims.lock} in the store directory: a
 * node's claim is the one-byte range at an offset taken from its id. The operating system keeps the
 * locks, so a claim is visible to every process on the store, and the claim of a process that dies,
 * however it dies, is released with it: there is no heartbeat to keep and nothing to expire. The
 * file is never written and never deleted (deleting a lock file is what makes lock files race). Two
 * stores open on one directory in one JVM see each other's claims too, since the JVM keeps one
 * table of the locks it holds.
 *
 * <p>Where locks do not work (a file system without them), every claim is granted: runs then
 * compute shared nodes twice, as before claims existed, and store equal results.
 */
final class NodeClaims implements WorkClaims {
  private static final Logger LOG = LoggerFactory.getLogger(NodeClaims.class);

  private final StoreLayout layout;
  private final AtomicBoolean unavailable = new AtomicBoolean();
  private FileChannel channel;

  NodeClaims(StoreLayout layout) {
    this.layout = layout;
  }

  /** Beyond every node's offset: the lock of whoever compacts the store. */
  private static final long COMPACTION_OFFSET = 1L << 61;

  @Override
  public Optional<Claim> tryClaim(NodeId id) {
    return tryLock(offset(id), id.shortForm());
  }

  /** The lock that one process at a time holds while it compacts the store. */
  Optional<Claim> tryLockCompaction() {
    return tryLock(COMPACTION_OFFSET, "compaction");
  }

  private Optional<Claim> tryLock(long offset, String what) {
    if (unavailable.get()) {
      return Optional.of(() -> {});
    }
    FileLock lock;
    try {
      lock = channel().tryLock(offset, 1, false);
    } catch (OverlappingFileLockException heldInThisJvm) {
      return Optional.empty();
    } catch (IOException e) {
      if (unavailable.compareAndSet(false, true)) {
        LOG.warn(
            "cannot lock {} ({}); concurrent runs on this store may compute shared nodes twice",
            layout.claims(),
            e.getMessage());
      }
      return Optional.of(() -> {});
    }
    if (lock == null) {
      return Optional.empty();
    }
    AtomicBoolean released = new AtomicBoolean();
    return Optional.of(
        () -> {
          if (released.compareAndSet(false, true)) {
            try {
              lock.release();
            } catch (IOException e) {
              LOG.debug("releasing the claim of {}: {}", what, e.toString());
            }
          }
        });
  }

  /** The first 60 bits of the id: distinct ids collide about once in 10^18 pairs. */
  static long offset(NodeId id) {
    return Long.parseUnsignedLong(id.hex().substring(0, 15), 16);
  }

  private synchronized FileChannel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      channel =
          FileChannel.open(layout.claims(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
    return channel;
  }

  /** Releases every claim this store holds. */
  synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing {}: {}", layout.claims(), e.toString());
      }
    }
  }
}
