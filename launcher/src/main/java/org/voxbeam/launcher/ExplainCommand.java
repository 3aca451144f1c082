package org.voxbeam.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanExplanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Says what {@code run} would do with a program or plan and a store, without computing: which goals
 * are already stored (and still valid: their recorded inputs unchanged), which nodes the run would
 * compute and which it would read. The store must exist; explain never creates one.
 */
@Command(
    name = "explain",
    description = "Show which goals and nodes are stored and which a run would compute.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin PlanOptions planOptions;
  @Mixin StoreLocation storeLocation;
  @Mixin LimitOptions limitOptions;

  @Override
  public Integer call() {
    Plan plan = planOptions.load(limitOptions.limits());
    PlanExplanation explanation;
    try (VoxBeam voxbeam = storeLocation.openExisting()) {
      explanation = voxbeam.explain(plan);
    }
    PrintWriter out = spec.commandLine().getOut();
    long storedGoals =
        explanation.goals().stream().filter(PlanExplanation.GoalStatus::stored).count();
    for (PlanExplanation.GoalStatus goal : explanation.goals()) {
      out.printf(
          "goal %-5s %-20s %s  %s%n",
          goal.goal().operation().wireName(),
          goal.goal().name(),
          goal.goal().id().shortForm(),
          goal.stored() ? "in store" : "to compute");
    }
    for (PlanExplanation.NodeStatus node : explanation.nodes()) {
      out.printf(
          "node %s  %-10s  %s%n",
          node.node().id().shortForm(),
          node.stored() ? "in store" : "to compute",
          describe(node.node()));
    }
    out.printf(
        "summary: %d goals (%d in store, %d to compute); %d nodes reached: %d in store, %d to compute%n",
        explanation.goals().size(),
        storedGoals,
        explanation.goals().size() - storedGoals,
        explanation.nodes().size(),
        explanation.inStore(),
        explanation.toCompute());
    out.flush();
    return ExitCodes.OK;
  }

  private static String describe(Node node) {
    if (node.kind() == NodeKind.CONSTANT) {
      return "constant " + node.attrs().get("value").map(CanonicalJson::write).orElse("");
    }
    if (node.kind() == NodeKind.CLOSURE) {
      return "closure " + node.attrs().getString("body").orElse("");
    }
    return node.operator();
  }
}
