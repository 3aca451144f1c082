package org.voxbeam.launcher.http;

import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Plan;

/** Executes a plan against the server's store; the in-process scheduler or a Beam runner. */
@FunctionalInterface
public interface RunExecutor {
  RunResult execute(Plan plan, ExecutionListener listener);
}
