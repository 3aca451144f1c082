/**
 * Plans: what a front end produces and the engine executes. Start at {@link
 * org.voxbeam.pipeline.plan.Plan}, an immutable DAG of nodes with the {@link
 * org.voxbeam.pipeline.plan.Goal}s to deliver, closed and acyclic once {@link
 * org.voxbeam.pipeline.plan.PlanValidator} has checked it. {@link
 * org.voxbeam.pipeline.plan.PlanJsonReader} and {@link org.voxbeam.pipeline.plan.PlanJsonWriter}
 * read and write VoxLogicA-2's exported plan format; the DOT and Mermaid writers draw plans for
 * people; {@link org.voxbeam.pipeline.plan.PlanExplanation} says what a run would compute without
 * running it.
 *
 * <p>Depends only on the kernel, so the reducer, both executors, the launcher and the benchmarks
 * share one plan model without depending on each other. Rules: a plan is never modified after it is
 * built (an executor that needs more, such as bound image models, wraps nodes rather than changing
 * them); reading what the writer wrote gives the same plan; a plan that cannot be run is a {@link
 * org.voxbeam.pipeline.plan.PlanException} naming the source and the node, in one line.
 */
package org.voxbeam.pipeline.plan;
