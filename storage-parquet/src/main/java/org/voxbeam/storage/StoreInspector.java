package org.voxbeam.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/** Counts what a store holds, reading only the few columns it needs from each segment. */
final class StoreInspector {
  private StoreInspector() {}

  static StoreStats stats(ParquetResultStore store) {
    Map<String, String> typeById = new HashMap<>();
    Map<String, Boolean> failedById = new HashMap<>();
    long bytes = 0;
    try {
      for (Path segment : store.segmentFiles()) {
        if (!Files.exists(segment)) {
          continue;
        }
        bytes += Files.size(segment);
        List<Group> rows;
        try {
          rows = SegmentFiles.read(segment, SegmentSchema.STATS_PROJECTION);
        } catch (IOException | RuntimeException unreadable) {
          // Counted by verify, which names it; its rows are not counted here.
          continue;
        }
        for (Group row : rows) {
          String id = row.getString(SegmentSchema.NODE_ID, 0);
          boolean failed = "failed".equals(row.getString(SegmentSchema.STATUS, 0));
          Boolean previous = failedById.get(id);
          if (previous == null || (previous && !failed)) {
            failedById.put(id, failed);
            typeById.put(id, row.getString(SegmentSchema.VALUE_TYPE, 0));
          }
        }
      }
      bytes += directorySize(store.layout().blobs());
    } catch (IOException e) {
      throw StoreException.io("read", store.layout().root(), e);
    }
    long failed = failedById.values().stream().filter(f -> f).count();
    Map<String, Long> byType = new TreeMap<>();
    typeById.values().forEach(type -> byType.merge(type, 1L, Long::sum));
    return new StoreStats(failedById.size() - failed, failed, bytes, byType);
  }

  static long directorySize(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              path -> {
                try {
                  return Files.size(path);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }
}
