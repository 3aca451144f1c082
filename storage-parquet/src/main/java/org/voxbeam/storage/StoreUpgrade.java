package org.voxbeam.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.storage.segment.RowCopy;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * Rewrites the segments of an earlier format version into this one, segment by segment: the new
 * segment is written first and the old one deleted after, so a crash leaves at worst both (rows of
 * one id that are equal). Blobs, access logs and quarantine are the same in every version.
 *
 * <p>Version 1 to 2: every row keeps its columns; {@code run_id} and {@code inputs} stay null,
 * meaning "not recorded" (see docs/store-format.md for how such rows are reused).
 */
final class StoreUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(StoreUpgrade.class);

  private StoreUpgrade() {}

  static void fromVersion1(StoreLayout layout) throws IOException {
    List<Path> segments = new ArrayList<>();
    if (Files.isDirectory(layout.segments())) {
      try (Stream<Path> listing = Files.list(layout.segments())) {
        listing.filter(SegmentFiles::isSegment).sorted().forEach(segments::add);
      }
    }
    int upgraded = 0;
    for (Path segment : segments) {
      MessageType schema = SegmentFiles.schemaOf(segment);
      if (schema.containsField(SegmentSchema.INPUTS)) {
        continue;
      }
      List<Group> rows = new ArrayList<>();
      for (Group row : SegmentFiles.read(segment, schema)) {
        rows.add(RowCopy.toCurrent(row));
      }
      if (!rows.isEmpty()) {
        SegmentFiles.write(layout, rows);
      }
      Files.deleteIfExists(segment);
      upgraded++;
    }
    LOG.info(
        "upgraded store {} from format version 1: {} segments rewritten", layout.root(), upgraded);
  }
}
