/**
 * The {@code images} benchmark: the per-voxel cost of representative image operators, on a real T1
 * volume and a synthetic cube, against one plain loop over the same voxels in a primitive array,
 * and NIfTI read and write throughput against copying the raw file. Start at {@link
 * org.voxbeam.benchmarks.images.ImagesCommand}.
 *
 * <p>Operators are taken from the standard registry as a program reaches them, so a timing includes
 * argument checks and the allocation of the result, not only the kernel. Rule: both sides of every
 * ratio are measured in the same round.
 */
package org.voxbeam.benchmarks.images;
