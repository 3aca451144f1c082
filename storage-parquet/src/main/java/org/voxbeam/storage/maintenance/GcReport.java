package org.voxbeam.storage.maintenance;

import java.util.List;

/**
 * What {@code gc} removed (or, in a dry run, would remove).
 *
 * @param warnings why something was not collected (blobs are kept while a segment that may
 *     reference them cannot be read)
 */
public record GcReport(
    boolean dryRun,
    long blobsRemoved,
    long temporaryFilesRemoved,
    long bytesFreed,
    List<String> warnings) {
  public GcReport {
    warnings = List.copyOf(warnings);
  }
}
