package org.voxbeam.api;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.voxbeam.storage.StoreLayout;

/**
 * How much a store directory grew since a starting point: the bytes a run wrote, measured on disk
 * so that it covers Beam workers too, which write from their own store instances. Counts segment
 * and blob files only; files another process adds or removes meanwhile count as well.
 *
 * @param layout the store's directory layout
 * @param before bytes of segments and blobs at the start
 */
record StoreGrowth(StoreLayout layout, long before) {

  static StoreGrowth from(Path directory) {
    StoreLayout layout = new StoreLayout(directory);
    return new StoreGrowth(layout, size(layout));
  }

  /** Bytes added since the start; 0 if the store shrank (a concurrent gc or compaction). */
  long bytesSince() {
    return Math.max(0, size(layout) - before);
  }

  private static long size(StoreLayout layout) {
    return filesUnder(layout.segments()) + filesUnder(layout.blobs());
  }

  /** Sizes of the regular files under {@code directory}; files vanishing meanwhile are skipped. */
  private static long filesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    long[] total = {0};
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                total[0] += attributes.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return total[0];
    }
    return total[0];
  }
}
