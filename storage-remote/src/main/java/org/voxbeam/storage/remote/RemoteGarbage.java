package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.segment.RowCodec;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * Garbage collection on a remote store: the blobs no published row refers to, and the temporary
 * objects a writer left (an HDFS put that died between its write and its rename), once they are
 * older than a grace period. A writer publishes a segment's blobs before the segment, so a blob
 * still waiting for its segment is young; the grace period (an hour by default, as for a local
 * store) spares it. Segments are never deleted: they are the results.
 *
 * <p>Every published segment is read (downloaded into a scratch directory one at a time, its blob
 * column only decoded) to learn which blobs are live; if one cannot be read, no blob is removed.
 * Two collectors at once only delete the same objects twice.
 */
final class RemoteGarbage {
  private static final String BLOBS = "blobs/";
  private static final String TMP = "tmp/";

  private RemoteGarbage() {}

  /**
   * Collects the garbage of the store at {@code remote}, using {@code scratch} (created if missing,
   * emptied of what this wrote) for the segments it reads.
   *
   * @param dryRun report what would be removed, removing nothing
   * @throws StoreException if the remote cannot be listed, read or deleted from
   */
  static GcReport collect(RemoteLocation remote, Path scratch, Duration grace, boolean dryRun) {
    Instant cutoff = Instant.now().minus(grace);
    List<String> warnings = new ArrayList<>();
    RemoteNames names = new RemoteNames(new StoreLayout(scratch));
    try {
      Files.createDirectories(scratch);
      Set<String> live = liveBlobs(remote, scratch, names, warnings);
      long blobsRemoved = 0;
      long temporaryRemoved = 0;
      long bytes = 0;
      if (warnings.isEmpty()) {
        for (RemoteLocation.RemoteObject blob : remote.objects(BLOBS)) {
          if (!live.contains(blob.name()) && blob.modified().isBefore(cutoff)) {
            bytes += blob.size();
            blobsRemoved++;
            if (!dryRun) {
              remote.delete(blob.name());
            }
          }
        }
      }
      for (RemoteLocation.RemoteObject leftover : remote.objects(TMP)) {
        if (leftover.modified().isBefore(cutoff)) {
          bytes += leftover.size();
          temporaryRemoved++;
          if (!dryRun) {
            remote.delete(leftover.name());
          }
        }
      }
      return new GcReport(dryRun, blobsRemoved, temporaryRemoved, bytes, warnings);
    } catch (IOException e) {
      throw new StoreException(
          "cannot collect the garbage of " + remote.describe() + ": " + e.getMessage(), e);
    }
  }

  /** The remote names of the blobs the published segments' rows refer to. */
  private static Set<String> liveBlobs(
      RemoteLocation remote, Path scratch, RemoteNames names, List<String> warnings)
      throws IOException {
    Set<String> live = new HashSet<>();
    Path copy = scratch.resolve("gc-segment.parquet");
    for (String name : remote.list(RemoteNames.SEGMENTS)) {
      if (RemoteNames.segmentName(name) == null) {
        continue;
      }
      try {
        if (!remote.read(name, copy)) {
          continue;
        }
        for (Group row : SegmentFiles.read(copy, SegmentSchema.STATS_PROJECTION)) {
          RowCodec.blobOf(row).ifPresent(ref -> live.add(names.blob(ref.sha256())));
        }
      } catch (IOException | RuntimeException e) {
        warnings.add(
            "segment " + name + " cannot be read (" + e.getMessage() + "), so no blob is removed");
      } finally {
        Files.deleteIfExists(copy);
      }
    }
    return live;
  }
}
