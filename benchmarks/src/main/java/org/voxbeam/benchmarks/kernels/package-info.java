/**
 * The {@code kernels} benchmark: image kernels against a plain pass and against scipy.ndimage on
 * the same voxels. Start at {@link org.voxbeam.benchmarks.kernels.KernelsCommand}; each family of
 * operators adds its cases as a {@link org.voxbeam.benchmarks.kernels.KernelSuite}.
 */
package org.voxbeam.benchmarks.kernels;
