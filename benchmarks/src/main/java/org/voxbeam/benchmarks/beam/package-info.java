/**
 * The {@code beam} benchmark: a cold run of a synthetic plan as a Beam pipeline on the
 * DirectRunner, against the in-process scheduler on the same plan with the same threads, both on a
 * fresh Parquet store. Start at {@link org.voxbeam.benchmarks.beam.BeamCommand}; the
 * package-private {@code BeamBenchmark} times the variants of a round (stage caps, extra Beam
 * options) and checks every run's goals against the in-process run's.
 *
 * <p>Drives {@code org.voxbeam.transforms} through its public runner and plans from {@code
 * org.voxbeam.pipeline.synthetic}. Rule: everything a user waits for after opening the store is
 * timed (planning, building the pipeline, running it, reading the goals back), and every run must
 * compute every node.
 */
package org.voxbeam.benchmarks.beam;
