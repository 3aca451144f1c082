/**
 * A plan run as an Apache Beam batch pipeline. Start at {@link
 * org.voxbeam.transforms.BeamPlanRunner}: {@code run} is the one way in, for the CLI, the Java API,
 * the benchmarks and the tests, and a {@link org.voxbeam.transforms.BeamRunListener} follows it.
 * Its path is {@link org.voxbeam.transforms.StagePlanner}, which cuts the part of the plan a run
 * needs into a bounded number of {@link org.voxbeam.transforms.Stage}s of independent {@link
 * org.voxbeam.transforms.StageTask}s; the package-private composite {@code RunPlan}, whose parts
 * are a {@code StageInput} and a {@code RunStage} per stage, named for what they hold ({@code Stage
 * 3: 12 tasks}), each a few named steps (never one per node); and the package-private {@code DoFn}s
 * those steps apply to compute tasks, or the items of a {@code map} in batches ({@code ItemBatch}),
 * on the workers. Everything a run needs besides the runner's own settings is a {@link
 * org.voxbeam.transforms.VoxBeamOptions}; whether the user gave an option is decided by {@link
 * org.voxbeam.transforms.GivenOptions} alone.
 *
 * <p>The one package of the module, and the only place VoxBeam uses Beam: it builds on the
 * decisions {@code pipeline.execution} makes for both executors (what a node computes, which stored
 * results may be reused, how a fan-out is assembled) and opens the store on each worker (a
 * directory, or a remote store through {@code storage-remote} with a working directory per JVM);
 * the API's Beam execution and the {@code beam} benchmark call it. Rules: stages share nothing but
 * the store, and a result moves between stages only by being committed and read back by id; every
 * element has a compact, deterministic coder; {@code DoFn}s never mutate their inputs (the
 * DirectRunner's immutability check is off by default on that promise); whatever a {@code DoFn}
 * carries to a worker is {@link java.io.Serializable}; a decision both executors make is taken from
 * {@code pipeline.execution}, never written again here.
 */
package org.voxbeam.transforms;
