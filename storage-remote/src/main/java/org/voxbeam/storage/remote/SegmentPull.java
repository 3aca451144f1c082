package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.segment.SegmentManifest;

/**
 * Copies one remote segment, and its manifest entry if the remote has one, into the working
 * directory: both are downloaded under {@code tmp/}, the segment is checked against the entry, and
 * only then renamed into place, so the local store never lists a partial or mismatched segment.
 */
record SegmentPull(RemoteLocation remote, RemoteNames names, String segment) {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentPull.class);

  /** Whether the segment was copied (false if the directory has it, or the copy was refused). */
  boolean run() throws IOException {
    StoreLayout layout = names.layout();
    Path target = layout.segments().resolve(segment);
    if (Files.exists(target)) {
      return false;
    }
    Files.createDirectories(layout.tmp());
    Path segmentCopy = Files.createTempFile(layout.tmp(), "pull-", ".tmp");
    Path entryCopy = Files.createTempFile(layout.tmp(), "pull-", ".tmp");
    try {
      if (!remote.read(names.segment(segment), segmentCopy)) {
        return false;
      }
      boolean hasEntry = remote.read(names.manifestEntry(segment), entryCopy);
      if (hasEntry && !matches(segmentCopy, entryCopy)) {
        LOG.warn(
            "segment {} of {} does not match its manifest entry; not used",
            segment,
            remote.describe());
        return false;
      }
      moveInto(segmentCopy, target);
      if (hasEntry) {
        moveInto(entryCopy, layout.manifest().resolve(segment + ".sha256"));
      }
      return true;
    } finally {
      Files.deleteIfExists(segmentCopy);
      Files.deleteIfExists(entryCopy);
    }
  }

  /** Whether {@code segmentCopy} has the SHA-256 and size its entry ({@code sha size}) says. */
  private static boolean matches(Path segmentCopy, Path entryCopy) throws IOException {
    List<String> fields = List.of(Files.readString(entryCopy).strip().split("\\s+"));
    SegmentManifest.Entry measured = SegmentManifest.measure(segmentCopy);
    return fields.size() == 2
        && fields.get(0).equals(measured.sha256())
        && fields.get(1).equals(Long.toString(measured.size()));
  }

  private static void moveInto(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      Files.createDirectories(target.getParent());
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
