/**
 * How operators are declared and assembled. {@link org.voxbeam.operators.library.StandardLibrary}
 * puts every library VoxBeam ships into one registry (start there); {@link
 * org.voxbeam.operators.library.SimpleOperator} lets a library declare a primitive in one line next
 * to its kernel, arity checked before the kernel runs; a package-private list registers the
 * VoxLogicA-2 primitives that need its Python runtime, so programs naming them still reduce to
 * VoxLogicA-2's node ids and fail only at those nodes.
 *
 * <p>The one place the operator packages meet the engine: the reducer's catalog, the in-process
 * scheduler, Beam workers, the launcher and the benchmarks all get their registry here, so what a
 * program can name and what a run can apply are the same list. Rule: a new namespace's library is
 * added to {@code StandardLibrary} and nowhere else.
 */
package org.voxbeam.operators.library;
