/**
 * Closures at run time: {@link org.voxbeam.pipeline.closure.ClosureFactory} turns a closure node
 * into the {@link org.voxbeam.kernel.value.FunctionValue} that {@code map}, {@code filter} and the
 * other higher-order operators apply per item (start there). The rest is package-private: a body
 * interpreter with VoxLogicA-2's run-time name resolution, the user functions a body may call, and
 * the image model of one item's evaluation.
 *
 * <p>A closure's body stays ImgQL text in the plan and in its hash, so evaluating it needs the
 * parser ({@code pipeline.lang}); image makers inside a body get their model from {@link
 * org.voxbeam.operators.image.ops.ImageModel}. Used only by {@code pipeline.execution}'s node
 * evaluator, and so by the scheduler and Beam workers alike. Rules: a body is parsed once per
 * closure, never once per item; each item has its own model, so items evaluated in parallel never
 * see each other's images; a failure inside a body comes back as an {@link
 * org.voxbeam.kernel.value.ErrorValue} attributed to the closure node, not as an exception.
 */
package org.voxbeam.pipeline.closure;
