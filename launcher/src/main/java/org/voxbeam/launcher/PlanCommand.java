package org.voxbeam.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanDotWriter;
import org.voxbeam.pipeline.plan.PlanJsonWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Reduces an ImgQL program to its plan and writes it, without executing anything: to inspect
 * what a program will compute, to diff it against VoxLogicA-2's export, or to run it later.
 */
@Command(name = "plan", description = "Reduce an ImgQL program and write its plan as JSON or DOT.")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROGRAM", description = "An ImgQL program (.imgql).")
  Path program;

  @ArgGroup(exclusive = true)
  OutputFormat format = new OutputFormat();

  @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
  Path output;

  /** {@code --json} (the default) or {@code --dot}. */
  static final class OutputFormat {
    @Option(names = "--json", description = "VoxLogicA-2 plan JSON (default).")
    boolean json;

    @Option(names = "--dot", description = "Graphviz DOT.")
    boolean dot;
  }

  @Override
  public Integer call() throws IOException {
    Plan plan = VoxBeam.program(program);
    String text = format.dot ? PlanDotWriter.write(plan) : PlanJsonWriter.write(plan);
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(output, text);
    }
    return ExitCodes.OK;
  }
}
