package org.voxbeam.storage.remote;

import java.nio.file.Path;
import org.voxbeam.storage.StoreLayout;

/**
 * The remote name of each file of a local store directory: its path relative to the store's root,
 * with {@code /} separators, so that the remote's layout is the local one and copying a remote
 * prefix into a directory (or two into one) is a valid store, and merge.
 */
record RemoteNames(StoreLayout layout) {
  static final String SEGMENTS = "segments/";

  String of(Path file) {
    return layout
        .root()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  String marker() {
    return StoreLayout.MARKER_FILE;
  }

  String segment(String segmentName) {
    return SEGMENTS + segmentName;
  }

  String manifestEntry(String segmentName) {
    return of(layout.manifest().resolve(segmentName + ".sha256"));
  }

  String blob(String sha256) {
    return of(layout.blob(sha256));
  }

  /** The segment file name in a listed name, or null if the name is not a segment's. */
  static String segmentName(String name) {
    if (!name.startsWith(SEGMENTS)) {
      return null;
    }
    String file = name.substring(SEGMENTS.length());
    return file.startsWith("seg-")
            && file.endsWith(StoreLayout.SEGMENT_SUFFIX)
            && !file.contains("/")
        ? file
        : null;
  }
}
