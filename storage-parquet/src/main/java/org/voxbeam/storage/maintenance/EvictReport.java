package org.voxbeam.storage.maintenance;

/** What {@code evict} removed (or, in a dry run, would remove), blobs freed by the gc after it. */
public record EvictReport(
    boolean dryRun, long resultsEvicted, int segmentsRewritten, GcReport gc) {}
