package org.voxbeam.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanDotWriter;
import org.voxbeam.pipeline.plan.PlanJsonWriter;
import org.voxbeam.pipeline.plan.PlanMermaidWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The forms a plan can be written in, and where: standard output or a file. */
enum PlanOutput {
  JSON,
  DOT,
  MERMAID;

  String render(Plan plan) {
    return switch (this) {
      case DOT -> PlanDotWriter.write(plan);
      case MERMAID -> PlanMermaidWriter.write(plan);
      default -> PlanJsonWriter.write(plan);
    };
  }

  /** Writes {@code plan} to {@code file}, or to the command's standard output when it is null. */
  void write(Plan plan, Path file, CommandSpec spec) {
    String text = render(plan);
    if (file == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      try {
        Files.writeString(file, text);
      } catch (IOException e) {
        throw InvalidInputException.cannotWrite(file, e);
      }
    }
  }
}
