/**
 * Images as operators compute with them, and the image operators of the {@code vox1} and {@code
 * default} namespaces. Start at {@link org.voxbeam.operators.image.Voxels}, an image opened for
 * computation (its voxels read in place, by index), and {@link
 * org.voxbeam.operators.image.Vox1ImageOperators}, which registers the {@code vox1} image
 * operators. Results are written straight into the bytes that become their blob ({@link
 * org.voxbeam.operators.image.ImageOutput}, {@link org.voxbeam.operators.image.Float32Output});
 * colour pictures travel as a mapping of channel images ({@link
 * org.voxbeam.operators.image.ColourImage}).
 *
 * <p>This is the shared layer of every image namespace: {@code simpleitk}, {@code arrays} and
 * {@code geom} build on these classes too. File formats live in {@code image.io}, kernels with an
 * algorithm of their own in {@code image.ops}; the three packages refer to each other and are one
 * unit split by topic. Rules: an input is read once and never converted to another array type; a
 * computed value becomes a voxel only through {@link org.voxbeam.operators.image.PixelCast} (ITK's
 * conversion, not Java's saturating cast), and anything that moves an origin or maps indices to
 * space goes through {@link org.voxbeam.operators.image.PhysicalSpace}, so the last bits agree with
 * ITK's.
 */
package org.voxbeam.operators.image;
