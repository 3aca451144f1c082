package org.voxbeam.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Validates a plan and writes it back as VoxLogicA-2 JSON, Graphviz DOT or a Mermaid flowchart. */
@Command(name = "export", description = "Validate a plan and write it as JSON, DOT or Mermaid.")
final class ExportCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    json,
    dot,
    mermaid
  }

  @Spec CommandSpec spec;
  @Mixin PlanOptions planOptions;

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "json, dot or mermaid (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      description = "Write to this file instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    PlanOutput.valueOf(format.name().toUpperCase(Locale.ROOT))
        .write(planOptions.load(), output, spec);
    return ExitCodes.OK;
  }
}
