package org.voxbeam.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.StoredGoal;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.execution.GoalFiles;
import org.voxbeam.pipeline.execution.ValueFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes a stored result to a file: a goal by name (of {@code --run}, or of the latest run that had
 * it) or any result by node id, as NIfTI, PNG, JSON, raw bytes or text, by the file's extension or
 * {@code --format}. Exit code 0 when written; 1 when the result is a recorded failure, or a later
 * run computed the goal again (the store serves only the newest result); 2 when there is no such
 * goal, run or result, or the format cannot hold the value.
 */
@Command(
    name = "get",
    description = "Write a stored result (a goal by name, or a node id) to a file.")
final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreLocation storeLocation;

  @Parameters(
      index = "0",
      paramLabel = "GOAL|ID",
      description = "A goal's name, or a node id (64 hex digits).")
  String target;

  @Option(
      names = "--run",
      paramLabel = "ID",
      description = "The run whose goal to get (default: the latest run that has it).")
  String run;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The file to write.")
  Path output;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "nifti, png, json, raw, text or arrow (default: by the file's extension; text for others).")
  String format;

  @Override
  public Integer call() {
    ValueFormat chosen =
        format == null
            ? ValueFormat.ofFileName(output.getFileName().toString())
            : ValueFormat.named(format)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "--format must be nifti, png, json, raw, text or arrow, got '"
                                + format
                                + "'"));
    try (VoxBeam voxbeam = storeLocation.openExisting()) {
      String what;
      StoredResult result;
      if (NodeId.isValid(target) && run == null) {
        what = "node " + target;
        result =
            voxbeam
                .result(target)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "no stored result for node "
                                + target
                                + " (never computed here, or evicted)"));
      } else {
        StoredGoal goal = voxbeam.goal(target, Optional.ofNullable(run));
        what = "goal '" + target + "' of run " + goal.run().runId();
        result =
            goal.result()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "the result of goal '"
                                + target
                                + "' (node "
                                + goal.goal().nodeId()
                                + ") is no longer in the store"));
        if (goal.superseded()) {
          spec.commandLine()
              .getErr()
              .printf(
                  "error: %s was computed again at %s by run %s, after that run ended (its inputs"
                      + " changed); the store serves only the newest result: voxbeam get %s -o"
                      + " FILE%n",
                  what,
                  result.metadata().createdAt(),
                  result.metadata().runId().orElse("(unknown)"),
                  target);
          return ExitCodes.GOALS_FAILED;
        }
      }
      if (result.value() instanceof ErrorValue error) {
        spec.commandLine().getErr().println("error: " + what + " failed: " + error.describe());
        return ExitCodes.GOALS_FAILED;
      }
      try {
        GoalFiles.save(output, result.value(), chosen);
      } catch (IOException e) {
        throw new InvalidInputException(
            "cannot write " + what + " to " + output + ": " + e.getMessage());
      }
      spec.commandLine()
          .getErr()
          .printf(
              "voxbeam: wrote %s (node %s, %s) to %s as %s%n",
              what, result.id().shortForm(), result.value().voxType(), output, chosen.wireName());
      return ExitCodes.OK;
    }
  }
}
