/**
 * The {@code limited-ram} run: an ImgQL program whose intermediate volumes add up to far more than
 * the heap, run by the in-process scheduler over a Parquet store, to show with numbers that a small
 * heap is enough. Start at {@link org.voxbeam.benchmarks.memory.LimitedRamCommand}; its input is a
 * generated volume whose histogram is known, so the printed goals can be checked without reading
 * the volumes back, and the peak resident set is read from the operating system where it reports
 * one.
 *
 * <p>Uses the reducer, the scheduler and the Parquet store exactly as {@code voxbeam run} does.
 * Rule: an unknown peak is reported as unknown, never estimated.
 */
package org.voxbeam.benchmarks.memory;
