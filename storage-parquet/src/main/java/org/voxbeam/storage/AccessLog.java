package org.voxbeam.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.node.NodeId;

/**
 * Last-access times of results, for eviction by last access. Segments are immutable, so reads are
 * remembered in memory and appended as a new file under {@code access/} when the store is closed
 * (or the log grows large); eviction takes the latest time per id across all files. Losing a log in
 * a crash only makes results look older than they are.
 */
public final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
  private static final int FLUSH_THRESHOLD = 100_000;

  private final StoreLayout layout;
  private final ConcurrentHashMap<NodeId, Long> pending = new ConcurrentHashMap<>();

  AccessLog(StoreLayout layout) {
    this.layout = layout;
  }

  void touch(NodeId id) {
    pending.put(id, System.currentTimeMillis());
    if (pending.size() >= FLUSH_THRESHOLD) {
      flush();
    }
  }

  /** Appends what was recorded since the last flush as a new log file. */
  synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (NodeId id : pending.keySet()) {
      Long at = pending.remove(id);
      if (at != null) {
        text.append(id.hex()).append(' ').append(at).append('\n');
      }
    }
    try {
      Files.createDirectories(layout.access());
      Files.createDirectories(layout.tmp());
      Path temporary = NewFiles.createUnique(layout.tmp(), "access-", ".tmp");
      Files.writeString(temporary, text);
      String name = NewFiles.timeOrderedName("access-", System.currentTimeMillis(), ".log");
      Files.move(temporary, layout.access().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot record access times under {}: {}", layout.access(), e.getMessage());
    }
  }

  /** The latest recorded access of every id, across all processes' logs. */
  public static Map<String, Long> readAll(StoreLayout layout) throws IOException {
    Map<String, Long> latest = new HashMap<>();
    if (!Files.isDirectory(layout.access())) {
      return latest;
    }
    try (Stream<Path> files = Files.list(layout.access())) {
      for (Path file :
          files.filter(path -> path.getFileName().toString().endsWith(".log")).toList()) {
        for (String line : Files.readAllLines(file)) {
          int space = line.indexOf(' ');
          if (space == 64) {
            try {
              latest.merge(
                  line.substring(0, space), Long.parseLong(line.substring(space + 1)), Math::max);
            } catch (NumberFormatException ignored) {
              // A line cut short by a crash carries no time.
            }
          }
        }
      }
    }
    return latest;
  }
}
