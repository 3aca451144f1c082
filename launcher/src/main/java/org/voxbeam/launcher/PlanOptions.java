package org.voxbeam.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.pipeline.plan.IdMismatchPolicy;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.pipeline.reduce.Reducer;
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

  Plan load() {
    if (isProgram(plan)) {
      return reduce(plan);
    }
    IdMismatchPolicy policy = allowIdMismatch ? IdMismatchPolicy.WARN : IdMismatchPolicy.REJECT;
    return new PlanJsonReader(policy, warning -> LOG.warn("{}", warning)).read(plan);
  }

  static boolean isProgram(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".imgql");
  }

  static Plan reduce(Path program) {
    try {
      return Reducer.standard().reduceFile(program);
    } catch (IOException e) {
      throw new UserInputException("cannot read program " + program + ": " + e.getMessage());
    }
  }
}
