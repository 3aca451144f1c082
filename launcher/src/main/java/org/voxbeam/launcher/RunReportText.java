package org.voxbeam.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.voxbeam.api.RunReport;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunStats;

/**
 * The report that ends {@code voxbeam run} on standard error, one {@code voxbeam:} line per topic
 * so that scripts can grep it: the run, node counts, the items of {@code map}-like nodes (the cases
 * of a dataset; only when there were any), goals, bytes written, time per stage.
 */
final class RunReportText {
  private RunReportText() {}

  static List<String> lines(RunReport report) {
    RunStats stats = report.stats();
    String fetched = report.peers().isPresent() ? report.fetched() + " fetched from peers, " : "";
    String nodes =
        String.format(
            "voxbeam: %d nodes: %d computed, %s%d from store, %d failed, in %d ms",
            stats.nodes(),
            stats.computed(),
            fetched,
            report.fromStore(),
            stats.failed(),
            stats.elapsed().toMillis());
    List<String> failed =
        report.goals().stream().filter(GoalResult::failed).map(goal -> goal.goal().name()).toList();
    String goals =
        "voxbeam: goals: "
            + (report.goals().size() - failed.size())
            + " materialized, "
            + failed.size()
            + " failed"
            + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")");
    String time =
        "voxbeam: time: "
            + report.stages().stream()
                .map(stage -> stage.name() + " " + stage.elapsed().toMillis() + " ms")
                .collect(Collectors.joining(", "));
    List<String> lines = new ArrayList<>();
    lines.add("voxbeam: run " + report.runId());
    lines.add(nodes);
    RunStats.ItemStats items = stats.items();
    if (items.total() > 0) {
      lines.add(
          String.format(
              "voxbeam: items: %d computed, %d from store, %d failed",
              items.computed(), items.cached(), items.failed()));
    }
    lines.add(goals);
    report
        .peers()
        .ifPresent(
            peers ->
                lines.add(
                    "voxbeam: peers: "
                        + peers.nodes()
                        + " nodes fetched, "
                        + bytes(peers.bytesReceived())
                        + " received"));
    report
        .bytesWritten()
        .ifPresent(written -> lines.add("voxbeam: store: " + bytes(written) + " written"));
    lines.add(time);
    return lines;
  }

  /** Bytes in binary units, one decimal above a KiB: {@code 512 B}, {@code 14.2 KiB}. */
  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = count;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
