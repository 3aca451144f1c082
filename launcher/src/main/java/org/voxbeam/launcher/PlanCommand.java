package org.voxbeam.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxbeam.api.VoxBeam;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Reduces an ImgQL program to its plan and writes it, without executing anything: to inspect what a
 * program will compute, to diff it against VoxLogicA-2's export, or to run it later.
 */
@Command(
    name = "plan",
    description = "Reduce an ImgQL program and write its plan as JSON, DOT or Mermaid.")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LimitOptions limitOptions;

  @Parameters(index = "0", paramLabel = "PROGRAM", description = "An ImgQL program (.imgql).")
  Path program;

  @ArgGroup(exclusive = true)
  OutputFormat format = new OutputFormat();

  @Option(
      names = {"-o", "--output"},
      description = "Write to this file instead of standard output.")
  Path output;

  /** {@code --json} (the default), {@code --dot} or {@code --mermaid}. */
  static final class OutputFormat {
    @Option(names = "--json", description = "VoxLogicA-2 plan JSON (default).")
    boolean json;

    @Option(names = "--dot", description = "Graphviz DOT.")
    boolean dot;

    @Option(names = "--mermaid", description = "A Mermaid flowchart.")
    boolean mermaid;

    PlanOutput selected() {
      return dot ? PlanOutput.DOT : mermaid ? PlanOutput.MERMAID : PlanOutput.JSON;
    }
  }

  @Override
  public Integer call() {
    format.selected().write(VoxBeam.program(program, limitOptions.limits()), output, spec);
    return ExitCodes.OK;
  }
}
