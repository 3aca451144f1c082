package org.voxbeam.benchmarks.beam;

/**
 * One timed run.
 *
 * @param nanos wall-clock time of the whole run: planning, building, running, collecting
 * @param loweringNanos planning plus pipeline construction (0 for the in-process scheduler)
 * @param peakHeapBytes the heap the run asked for (see HeapProbe)
 * @param stages stages of the Beam pipeline (0 for the in-process scheduler)
 * @param tasks elements over all stages (0 for the in-process scheduler)
 * @param segments segment files the run left in its store
 */
record Sample(
    long nanos, long loweringNanos, long peakHeapBytes, int stages, int tasks, int segments) {}
