package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;

/**
 * The segments version 5 wrote (the fixture of {@code Version5StoreTest}) have columns of their
 * own, version 5's, by which they are still read a row at a time: each row as it reads with the
 * whole segment.
 */
class Version5ColumnsTest {
  private static final Path SEGMENTS =
      Path.of("src/test/resources/org/voxbeam/storage/v5-store/segments");

  @Test
  void version5SegmentsReadARowAtATimeInTheirOwnColumns() throws IOException {
    Set<SegmentColumns> seen = new TreeSet<>();
    List<Path> segments;
    try (Stream<Path> files = Files.list(SEGMENTS)) {
      segments = files.filter(SegmentFiles::isSegment).sorted().toList();
    }
    for (Path segment : segments) {
      SegmentFiles.Read read = SegmentFiles.read(segment, SegmentSchema.RESULT, true);
      PageMap pages = read.pages().orElseThrow();
      seen.add(pages.columns());
      List<Group> whole = read.rows();
      List<Group> oneAtATime =
          RowReader.read(segment, pages, IntStream.range(0, whole.size()).toArray());
      for (int row = 0; row < whole.size(); row++) {
        assertEquals(
            whole.get(row).toString(), oneAtATime.get(row).toString(), segment + " row " + row);
      }
    }
    assertEquals(Set.of(SegmentColumns.ALL_VERSION_5, SegmentColumns.NARROW_ITEMS_VERSION_5), seen);
  }
}
