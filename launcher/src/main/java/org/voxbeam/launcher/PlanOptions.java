package org.voxbeam.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.Limits;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.pipeline.plan.IdMismatchPolicy;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.DeclarationGoals;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The plan a command works on, and how strictly it is read; shared by commands as a mixin. A file
 * ending in {@code .imgql} is an ImgQL program, reduced to its plan; anything else is plan JSON.
 * {@code --declarations} and {@code --goal} add print goals for a program's declarations.
 */
final class PlanOptions {
  private static final Logger LOG = LoggerFactory.getLogger(PlanOptions.class);

  @Parameters(
      index = "0",
      paramLabel = "PLAN",
      description = "An ImgQL program (.imgql) or a VoxLogicA-2 plan (JSON).")
  Path plan;

  @Option(
      names = "--allow-id-mismatch",
      description = "Warn, instead of failing, when a node's id does not match its content.")
  boolean allowIdMismatch;

  @Option(
      names = "--declarations",
      description =
          "Also print every parameterless declaration of the program, in declaration order.")
  boolean declarations;

  @Option(
      names = "--goal",
      paramLabel = "NAME",
      description = "Also print the parameterless declaration NAME (repeatable).")
  List<String> goals = new ArrayList<>();

  /** The plan, a program reduced within the default limits. */
  Plan load() {
    return load(Limits.DEFAULTS);
  }

  Plan load(Limits limits) {
    DeclarationGoals selected = declarationGoals();
    if (selected.addsGoals()) {
      if (!VoxBeam.isProgram(plan)) {
        throw new InvalidInputException(
            "--declarations and --goal need an ImgQL program (.imgql); " + plan + " is a plan");
      }
      return VoxBeam.program(plan, limits, selected);
    }
    IdMismatchPolicy policy = allowIdMismatch ? IdMismatchPolicy.WARN : IdMismatchPolicy.REJECT;
    return VoxBeam.plan(plan, policy, warning -> LOG.warn("{}", warning), limits);
  }

  private DeclarationGoals declarationGoals() {
    if (declarations && !goals.isEmpty()) {
      throw new InvalidInputException("give either --declarations or --goal, not both");
    }
    if (declarations) {
      return DeclarationGoals.ALL;
    }
    return goals.isEmpty() ? DeclarationGoals.NONE : DeclarationGoals.named(goals);
  }
}
