package org.voxbeam.storage.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.storage.StoreLayout;

/**
 * The store's manifest (format version 3): for each committed segment a file {@code
 * manifest/<segment name>.sha256} holding the segment's SHA-256 and size. It is what lets a process
 * that never saw a segment notice that it was deleted, and lets {@code verify} check every byte of
 * a segment, footer and unused bytes included. One file per segment, so writers on many machines
 * never contend for it and copying two stores into one merges their manifests.
 *
 * <p>An entry is written after its segment is renamed into place and removed before its segment is
 * deleted: a crash in between leaves a segment without an entry (treated like a segment of an
 * earlier version: its rows' own checksums still hold), never an entry without its segment unless
 * the segment really went away.
 */
public final class SegmentManifest {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentManifest.class);
  private static final String SUFFIX = ".sha256";

  /** What the manifest says about a segment. */
  public record Entry(String sha256, long size) {}

  private SegmentManifest() {}

  /**
   * Records {@code segment}, already in place. A failure is logged, not thrown: the segment is
   * committed either way, and an unlisted segment is still checked row by row.
   */
  static void record(StoreLayout layout, Path segment) {
    try {
      Entry entry = measure(segment);
      Path target = entryFile(layout, segment.getFileName().toString());
      Path temporary;
      try {
        temporary = NewFiles.createUnique(layout.tmp(), "manifest-", ".tmp");
      } catch (NoSuchFileException e) {
        Files.createDirectories(layout.tmp());
        temporary = NewFiles.createUnique(layout.tmp(), "manifest-", ".tmp");
      }
      Files.writeString(temporary, entry.sha256() + " " + entry.size() + "\n");
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        Files.createDirectories(layout.manifest());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      LOG.warn(
          "segment {} is committed but not in the manifest: {}",
          segment.getFileName(),
          e.getMessage());
    }
  }

  /**
   * Removes the entry of the segment named {@code segmentName}, and its {@link SegmentIndexFile},
   * before the segment is deleted.
   */
  public static void remove(StoreLayout layout, String segmentName) throws IOException {
    SegmentIndexFile.remove(layout, segmentName);
    Files.deleteIfExists(entryFile(layout, segmentName));
  }

  /** Every entry, by segment name; an entry that does not parse reads as a damaged one. */
  public static Map<String, Entry> entries(StoreLayout layout) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    if (!Files.isDirectory(layout.manifest())) {
      return entries;
    }
    try (Stream<Path> files = Files.list(layout.manifest())) {
      for (Path file :
          files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList()) {
        String name = file.getFileName().toString();
        String[] fields = Files.readString(file).trim().split(" ");
        Entry entry;
        try {
          entry = new Entry(fields[0], Long.parseLong(fields[1]));
        } catch (RuntimeException e) {
          entry = new Entry("", -1);
        }
        entries.put(name.substring(0, name.length() - SUFFIX.length()), entry);
      }
    }
    return entries;
  }

  /** The SHA-256 and size of {@code segment} as it is now. */
  public static Entry measure(Path segment) throws IOException {
    Sha256.Measured measured = Sha256.ofFile(segment);
    return new Entry(measured.hex(), measured.size());
  }

  private static Path entryFile(StoreLayout layout, String segmentName) {
    return layout.manifest().resolve(segmentName + SUFFIX);
  }
}
