/**
 * The {@code beam} benchmark: a cold run of a synthetic plan, or of an ImgQL {@code for} over many
 * items, as a Beam pipeline on the DirectRunner, against the in-process scheduler on the same plan
 * with the same threads, both on a fresh Parquet store. Start at {@link
 * org.voxbeam.benchmarks.beam.BeamCommand}; {@code Workload} builds the plans, and the
 * package-private {@code BeamBenchmark} times the variants of a round (stage caps, extra Beam
 * options), checks every run's goals and work against the in-process run's and counts the segment
 * files each run leaves.
 *
 * <p>Drives {@code org.voxbeam.transforms} through its public runner and plans from {@code
 * org.voxbeam.pipeline.synthetic} and {@code org.voxbeam.pipeline.reduce}. Rule: everything a user
 * waits for after opening the store is timed (planning, building the pipeline, running it, reading
 * the goals back), and every run must compute what the in-process run computes.
 */
package org.voxbeam.benchmarks.beam;
