package org.voxbeam.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanDotWriter;
import org.voxbeam.pipeline.plan.PlanJsonWriter;
import org.voxbeam.pipeline.plan.PlanMermaidWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Validates a plan and writes it back as VoxLogicA-2 JSON or as Graphviz DOT. */
@Command(name = "export", description = "Validate a plan and write it as JSON or DOT.")
final class ExportCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    json,
    dot,
    mermaid
  }

  @Spec CommandSpec spec;
  @Mixin PlanOptions planOptions;

  @Option(names = "--format", defaultValue = "json", description = "json, dot or mermaid (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    Plan plan = planOptions.load();
    String text;
    switch (format) {
      case dot:
        text = PlanDotWriter.write(plan);
        break;
      case mermaid:
        text = PlanMermaidWriter.write(plan);
        break;
      default:
        text = PlanJsonWriter.write(plan);
    }
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      try {
        Files.writeString(output, text);
      } catch (IOException e) {
        throw UserInputException.cannotWrite(output, e);
      }
    }
    return ExitCodes.OK;
  }
}
