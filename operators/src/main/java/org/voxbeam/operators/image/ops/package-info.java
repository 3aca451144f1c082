/**
 * The image kernels that are more than a voxel loop: connected components, the signed Maurer
 * distance, local cross-correlation, statistics, SimpleITK's {@code Extract}, coordinate images and
 * colour channels, each written to give ITK's (or NumPy's) result to the bit. They hold no
 * registrations: the operator libraries of {@code transforms.image} and {@code simpleitk} call
 * them.
 *
 * <p>Start at {@link org.voxbeam.operators.image.ops.ImageModel}, the one type the engine uses
 * directly: the image whose geometry the nullary makers ({@code tt}, {@code x} …) take, passed to
 * them as data by the scheduler and by closure bodies rather than kept in process-wide state.
 * Rules: no hidden state, so two runs in one process never see each other's images; sums and means
 * go through {@link org.voxbeam.operators.python.NumpySum}; a known deviation from ITK is written
 * down in docs/images.md.
 */
package org.voxbeam.operators.image.ops;
