package org.voxbeam.storage;

import java.nio.file.Path;

/**
 * Where everything lives inside a store directory. The directory is the unit of sharing: copying
 * two stores into one directory is a valid merge, because every file name is unique (segments) or
 * content-addressed (blobs).
 *
 * <pre>
 * store/
 *   voxbeam-store.json          format marker and version
 *   segments/seg-*.parquet      immutable result rows, one file per committed batch
 *   blobs/sha256/ab/cdef…       binary payloads named by the SHA-256 of their content
 *   tmp/                        files being written; renamed into place when complete
 *   access/                     last-access times, appended by each process
 *   quarantine/                 blobs found corrupt, kept for inspection
 *   runs/run-*.parquet          the run record: one file per run
 *   manifest/seg-*.parquet.sha256  each segment's SHA-256 and size, to notice a damaged or deleted one
 *   claims.lock                 locks on nodes being computed (never written)
 * </pre>
 */
public record StoreLayout(Path root) {
  public static final String MARKER_FILE = "voxbeam-store.json";
  public static final String SEGMENT_SUFFIX = ".parquet";

  public StoreLayout {
    root = root.toAbsolutePath().normalize();
  }

  public Path marker() {
    return root.resolve(MARKER_FILE);
  }

  public Path segments() {
    return root.resolve("segments");
  }

  public Path blobs() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  public Path access() {
    return root.resolve("access");
  }

  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** One checksum file per committed segment (format version 3). */
  public Path manifest() {
    return root.resolve("manifest");
  }

  public Path runs() {
    return root.resolve("runs");
  }

  /** The file whose byte-range locks are the claims on nodes being computed. */
  public Path claims() {
    return root.resolve("claims.lock");
  }

  /** The file of the blob whose SHA-256 is {@code sha256} (64 lowercase hex digits). */
  public Path blob(String sha256) {
    return blobs().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }
}
