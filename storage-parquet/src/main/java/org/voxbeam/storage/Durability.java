package org.voxbeam.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store forces what it writes to stable storage before making it visible. A rename is
 * atomic, but without a sync a power cut after it can leave a visible name over blocks that were
 * never written (ext4's delayed allocation, XFS): a segment or blob that exists and is garbage. So
 * a file is forced before it is renamed into place, and its directory after, so the rename itself
 * survives. {@link #NONE} is for scratch stores and for measuring what the syncs cost
 * (docs/performance.md).
 */
public enum Durability {
  /** {@code fsync} each file before its rename and its directory after. */
  FSYNC,
  /** Leave flushing to the operating system: a crash of the machine may lose recent commits. */
  NONE;

  private static final Logger LOG = LoggerFactory.getLogger(Durability.class);

  /**
   * Forces the content of {@code file}, which is complete and closed. Through a file descriptor,
   * not a channel: a channel is closed by an interrupt, which would fail the commit of a run being
   * cancelled.
   */
  public void syncFile(Path file) throws IOException {
    if (this == FSYNC) {
      try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
        open.getFD().sync();
      }
    }
  }

  /**
   * Forces {@code directory}'s entries, so a rename into it survives a crash. Platforms that cannot
   * open a directory (Windows) make renames durable themselves; there it does nothing.
   */
  public void syncDirectory(Path directory) {
    if (this == FSYNC) {
      try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException e) {
        LOG.debug("cannot sync directory {}: {}", directory, e.toString());
      }
    }
  }
}
