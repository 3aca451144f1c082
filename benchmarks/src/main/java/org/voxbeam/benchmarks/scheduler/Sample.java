package org.voxbeam.benchmarks.scheduler;

/** One timed phase: wall-clock time and the peak heap it asked for (see HeapProbe). */
record Sample(long nanos, long peakHeapBytes) {}
