package org.voxbeam.storage.maintenance;

/** What {@code compact} merged (or, in a dry run, would merge). */
public record CompactReport(
    boolean dryRun, int segmentsMerged, long rowsKept, long duplicateRowsDropped) {}
