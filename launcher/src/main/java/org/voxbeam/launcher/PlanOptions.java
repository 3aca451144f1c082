package org.voxbeam.launcher;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.Limits;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.pipeline.plan.IdMismatchPolicy;
import org.voxbeam.pipeline.plan.Plan;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The plan a command works on, and how strictly it is read; shared by commands as a mixin. A file
 * ending in {@code .imgql} is an ImgQL program, reduced to its plan; anything else is plan JSON.
 */
final class PlanOptions {
  private static final Logger LOG = LoggerFactory.getLogger(PlanOptions.class);

  @Parameters(index = "0", paramLabel = "PLAN", description = "An ImgQL program (.imgql) or a VoxLogicA-2 plan (JSON).")
  Path plan;

  @Option(
      names = "--allow-id-mismatch",
      description = "Warn, instead of failing, when a node's id does not match its content.")
  boolean allowIdMismatch;

  /** The plan, a program reduced within the default limits. */
  Plan load() {
    return load(Limits.DEFAULTS);
  }

  Plan load(Limits limits) {
    IdMismatchPolicy policy = allowIdMismatch ? IdMismatchPolicy.WARN : IdMismatchPolicy.REJECT;
    return VoxBeam.plan(plan, policy, warning -> LOG.warn("{}", warning), limits);
  }
}
