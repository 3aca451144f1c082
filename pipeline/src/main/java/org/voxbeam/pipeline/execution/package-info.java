/**
 * Running a plan in this process, and the decisions every executor shares. Start at {@link
 * org.voxbeam.pipeline.execution.DynamicScheduler}: goal-driven, parallel, backed by the result
 * store, configured by {@link org.voxbeam.pipeline.execution.SchedulerOptions} and reporting a
 * {@link org.voxbeam.pipeline.execution.RunResult}. What the Beam path uses too lives here once:
 * {@link org.voxbeam.pipeline.execution.NodeEvaluator} (what computing a node means), {@link
 * org.voxbeam.pipeline.execution.ResultReuse} with {@link
 * org.voxbeam.pipeline.execution.CachePolicy} (which stored results stand in for computing), {@link
 * org.voxbeam.pipeline.execution.FanOutOperator} (the item-by-item {@code map}, {@code for_loop}
 * and {@code filter}) and {@link org.voxbeam.pipeline.execution.ImageModelBinding}. Goal output is
 * here as well: files ({@link org.voxbeam.pipeline.execution.GoalFiles}) and JSON ({@link
 * org.voxbeam.pipeline.execution.ValueJson}, {@link org.voxbeam.pipeline.execution.RunResultJson}).
 *
 * <p>Depends on the plan, closure and input-fingerprint packages and on the kernel's store
 * interface; the Beam path ({@code transforms} module), the API and the benchmarks build on it.
 * Rules: no Beam types here (the dependency runs from {@code transforms} to this package, never
 * back); failures are values, so a failed node's dependents fail with it as their cause while
 * independent goals complete; listeners are called from worker threads and must be thread-safe and
 * quick; a rule that both executors follow is written here and called from both.
 */
package org.voxbeam.pipeline.execution;
