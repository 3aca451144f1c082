/**
 * VoxLogicA-2's {@code arrays} namespace: evaluation metrics and array summaries over images (Dice,
 * Jaccard, pixel accuracy, confusion matrix, counts, statistics, element-wise comparison) and the
 * {@code vector_uint32}/{@code vector_double} helpers SimpleITK calls take.
 *
 * <p>VoxLogicA-2 computes these with NumPy on the image's voxel array, so the results follow
 * NumPy's rules: dictionaries become mappings with the same keys in the same order, Python {@code
 * int} and {@code float} stay apart, element types follow NumPy's promotion and wrap-around, and
 * sums and means are NumPy's to the bit ({@link org.voxbeam.operators.python.NumpySum}).
 */
package org.voxbeam.operators.arrays;
