package org.voxbeam.storage.maintenance;

/** What {@code gc} removed (or, in a dry run, would remove). */
public record GcReport(boolean dryRun, long blobsRemoved, long temporaryFilesRemoved, long bytesFreed) {}
