package org.voxbeam.launcher.http;

import org.voxbeam.pipeline.plan.Plan;

/** Turns ImgQL source submitted over HTTP into a plan (the ImgQL front end). */
@FunctionalInterface
public interface ProgramCompiler {
  /**
   * @param source the program text
   * @param name the name used in error positions
   */
  Plan compile(String source, String name);
}
