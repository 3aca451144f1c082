/**
 * VoxLogicA-2's {@code geom} namespace: a blank 2D canvas and filled shapes drawn onto a copy of a
 * 2D image ({@code blank}, {@code circle}, {@code regular_polygon}), with VoxLogicA-2's geometry
 * and pixel types: a canvas is {@code float32} with unit spacing at the origin, a drawing keeps its
 * input's pixel type and geometry.
 */
package org.voxbeam.operators.geom;
