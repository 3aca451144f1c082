/**
 * The ImgQL front end: {@link org.voxbeam.pipeline.reduce.Reducer} turns program text into the
 * {@link org.voxbeam.pipeline.plan.Plan} VoxLogicA-2 would build, with the same nodes and therefore
 * the same ids (start there). What the caller chooses is public ({@link
 * org.voxbeam.pipeline.reduce.DeclarationGoals}, {@link
 * org.voxbeam.pipeline.reduce.ProgramVariables}); the machinery is package-private: the reduction
 * of one program, the expression reducer that inlines user functions, immutable environments,
 * closure building and free-variable analysis, and the diagnostics that quote the source. Names
 * resolve through {@link org.voxbeam.pipeline.reduce.PrimitiveCatalog}, which is the operator
 * registry itself, so what a program can name and what a run can apply are one list.
 *
 * <p>Depends on the parser ({@code pipeline.lang}), the plan model and the standard library's
 * registry; used by the API, the launcher and the front-end benchmark. Rules: where VoxLogicA-2's
 * order of checks or its counting of free names decides a node, follow it exactly, since it decides
 * ids; nothing may cost quadratic time in the size of a program (environments and call stacks share
 * structure); a program that cannot be reduced is a {@link
 * org.voxbeam.pipeline.reduce.ReduceException} with file, line, column and the calls that led
 * there; the reducer never runs an operator.
 */
package org.voxbeam.pipeline.reduce;
