/**
 * Pixel-wise computation with C++'s arithmetic, the machinery behind SimpleITK's arithmetic, logic,
 * comparison and intensity filters: {@link org.voxbeam.operators.simpleitk.pixel.Pixel} (a scalar
 * type as C++ computes with it), inputs and outputs over voxel buffers, the functor shapes ITK's
 * filters use, and {@link org.voxbeam.operators.simpleitk.pixel.PixelLoops}, which runs them over
 * every voxel.
 */
package org.voxbeam.operators.simpleitk.pixel;
