/**
 * Python's and NumPy's numeric semantics, which VoxLogicA-2's kernels inherit and programs can
 * observe. Start at {@link org.voxbeam.operators.python.PythonNumbers}: {@code int} and {@code
 * float} kept apart, {@code bool} as an {@code int}, Python's truthiness, broadcasting over
 * sequences. {@link org.voxbeam.operators.python.NumpySum} reproduces NumPy's pairwise summation
 * operation for operation, and {@link org.voxbeam.operators.python.Comparison} the six float
 * comparisons.
 *
 * <p>A package of its own because most operator packages ({@code defaults}, {@code vox1}, {@code
 * arrays}, {@code image}, {@code geom}) and the engine's closure evaluation need the same rules; it
 * registers no operators and depends only on the kernel. Rule: arithmetic whose result a program
 * can see goes through here rather than being rewritten locally, so every operator agrees with
 * VoxLogicA-2, and with every other operator, to the last bit.
 */
package org.voxbeam.operators.python;
