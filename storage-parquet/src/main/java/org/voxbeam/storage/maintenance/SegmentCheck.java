package org.voxbeam.storage.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.segment.RowChecksum;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentManifest;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * One segment checked: its intact rows and what is wrong with it, if anything. A row is intact if
 * it decodes, its node id is one, and its checksum matches (rows of segments written before format
 * version 3 have none, and count as intact if they decode). A segment is damaged if any row is not,
 * if its rows do not add up to the checksum in its footer, if it does not match its manifest entry,
 * or if it cannot be read whole; the intact rows of a damaged segment are what a repair keeps.
 */
record SegmentCheck(Path file, List<Group> intactRows, long uncheckedRows, List<String> damage) {
  /** Rows named in a damage report before the rest are counted. */
  private static final int NAMED_ROWS = 3;

  SegmentCheck {
    intactRows = List.copyOf(intactRows);
    damage = List.copyOf(damage);
  }

  boolean damaged() {
    return !damage.isEmpty();
  }

  /** Checks {@code file}, against its manifest entry if it has one. */
  static SegmentCheck of(Path file, Optional<SegmentManifest.Entry> entry) {
    List<String> damage = new ArrayList<>();
    if (entry.isPresent()) {
      try {
        SegmentManifest.Entry actual = SegmentManifest.measure(file);
        if (!actual.equals(entry.get())) {
          damage.add("its bytes do not match its manifest entry");
        }
      } catch (IOException e) {
        damage.add("cannot be read (" + StoreException.reason(e) + ")");
      }
    }
    SegmentFiles.Read read;
    try {
      read = SegmentFiles.read(file, SegmentSchema.RESULT, false);
    } catch (IOException | RuntimeException e) {
      SegmentFiles.Salvaged salvaged = SegmentFiles.salvage(file);
      damage.add(
          "cannot be read whole ("
              + firstLine(StoreException.reason(e))
              + "); "
              + salvaged.rows().size()
              + " of "
              + (salvaged.rowCount() < 0 ? "?" : salvaged.rowCount())
              + " rows are intact");
      return new SegmentCheck(file, salvaged.rows(), 0, damage);
    }
    List<Group> intact = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    long unchecked = 0;
    for (int i = 0; i < read.rows().size(); i++) {
      Group row = read.rows().get(i);
      boolean ok;
      try {
        ok = NodeId.isValid(row.getString(SegmentSchema.NODE_ID, 0)) && RowChecksum.intact(row);
      } catch (RuntimeException e) {
        ok = false;
      }
      if (ok) {
        intact.add(row);
        unchecked += RowChecksum.present(row) ? 0 : 1;
      } else {
        bad.add(i);
      }
    }
    if (!bad.isEmpty()) {
      damage.add(
          bad.size()
              + " of "
              + read.rows().size()
              + " rows do not match their checksums (rows "
              + String.join(", ", bad.stream().limit(NAMED_ROWS).map(String::valueOf).toList())
              + (bad.size() > NAMED_ROWS ? ", …" : "")
              + ")");
    }
    if (!SegmentFiles.matchesRecordedChecksum(read)) {
      damage.add("its rows do not add up to its segment checksum");
    }
    return new SegmentCheck(file, intact, unchecked, damage);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
