/**
 * The {@code peer} benchmark: whole-process runs of a fixed set of ImgQL workloads on VoxBeam (in
 * process and on Beam's DirectRunner) and on VoxLogicA-2, cold and warm, as a user would time them.
 *
 * <p>Start with {@link org.voxbeam.benchmarks.peer.PeerCommand}; the workloads are {@link
 * org.voxbeam.benchmarks.peer.Workload}, the engines {@link org.voxbeam.benchmarks.peer.Engine}.
 */
package org.voxbeam.benchmarks.peer;
