/**
 * Generated plans for tests and benchmarks: {@link org.voxbeam.pipeline.synthetic.SyntheticPlans}
 * builds layered random DAGs of a given size, width and fan-in over one operator.
 *
 * <p>In main code, not test code, because the benchmarks module runs the scheduler and the Beam
 * path on these plans; the engine itself never uses it. Depends only on the kernel and the plan
 * model. Rule: the same shape and seed always give the same plan with the same ids, so figures and
 * test expectations stay comparable from run to run.
 */
package org.voxbeam.pipeline.synthetic;
