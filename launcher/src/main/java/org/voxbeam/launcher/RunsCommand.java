package org.voxbeam.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.RunRecordJson;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lists the runs recorded in the store, newest first: when, on which runner, which program, what
 * each goal came to. With {@code --goals} each run's goals follow it, with their node ids (what
 * {@code voxbeam get} and DuckDB join on).
 */
@Command(name = "runs", description = "List the runs recorded in the store, newest first.")
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreLocation storeLocation;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Show at most this many runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--goals",
      description = "Also list each run's goals, with their status and node id.")
  boolean goals;

  @Option(names = "--json", description = "Print the runs as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new InvalidInputException("--limit must be at least 1, got " + limit);
    }
    List<RunRecord> runs;
    try (VoxBeam voxbeam = storeLocation.openExisting()) {
      voxbeam.store();
      runs = new ArrayList<>(voxbeam.runs());
    }
    java.util.Collections.reverse(runs);
    List<RunRecord> shown = runs.subList(0, Math.min(limit, runs.size()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<JsonValue> documents = new ArrayList<>();
      shown.forEach(run -> documents.add(RunRecordJson.of(run)));
      out.println(CanonicalJson.writeIndented(new JsonArray(documents)));
    } else {
      for (RunRecord run : shown) {
        out.println(line(run));
        if (goals) {
          for (GoalRecord goal : run.goals()) {
            out.printf(
                "  %-5s %-24s %-12s %s%s%n",
                goal.operation(),
                goal.name(),
                goal.status(),
                goal.nodeId(),
                goal.error().map(error -> "  " + error).orElse(""));
          }
        }
      }
      if (runs.size() > shown.size()) {
        out.printf("(%d older runs not shown; --limit N)%n", runs.size() - shown.size());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String line(RunRecord run) {
    long failed = run.goals().stream().filter(GoalRecord::failed).count();
    long cancelled = run.goals().stream().filter(GoalRecord::cancelled).count();
    String items =
        run.items().computed() + run.items().cached() + run.items().failed() == 0
            ? ""
            : String.format(
                ", items %d computed, %d from store", run.items().computed(), run.items().cached());
    return String.format(
        "%s  %s  %5d ms  %-12s %s  goals %d materialized, %d failed%s; nodes %d computed, %d"
            + " from store%s%s",
        run.runId(),
        run.startedAt(),
        Duration.between(run.startedAt(), run.endedAt()).toMillis(),
        run.runner(),
        run.programPath(),
        run.goals().size() - failed - cancelled,
        failed,
        cancelled == 0 ? "" : ", " + cancelled + " cancelled (the run was cancelled)",
        run.nodes().computed(),
        run.nodes().cached(),
        items,
        run.cache().equals("reuse") ? "" : " (" + run.cache() + ")");
  }
}
