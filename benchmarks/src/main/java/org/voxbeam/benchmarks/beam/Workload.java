package org.voxbeam.benchmarks.beam;

import java.util.Locale;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;

/**
 * A plan the Beam benchmark times: a synthetic layered plan, whose every node is computed, or an
 * ImgQL program whose {@code for} fans out over many items, the per-item shape datasets have.
 *
 * @param label how the report names it
 * @param plan the plan both engines run
 * @param units the divisor of the per-unit time: nodes of a synthetic plan, items of a program
 * @param everyNode whether a cold run must compute every node of the plan (true of synthetic plans;
 *     a program's constants and closures are not computed as nodes)
 */
record Workload(String label, Plan plan, int units, boolean everyNode) {
  private static final long SEED = 20_240_601L;

  static Workload synthetic(int nodes, int width) {
    Plan plan = SyntheticPlans.additions(nodes, width, SEED).generate();
    return new Workload(
        String.format(Locale.ROOT, "%,d nodes", plan.size()), plan, plan.size(), true);
  }

  /** {@code for i in range(0, items) do i * 2 + 1}, summed by a {@code fold}: one fan-out node. */
  static Workload forItems(int items) {
    String program =
        "s = for i in range(0, " + items + ") do i * 2 + 1\nprint \"total\" fold + 0 s\n";
    return new Workload(
        String.format(Locale.ROOT, "`for` of %,d items", items),
        Reducer.standard().reduceText(program, "for-items.imgql"),
        items,
        false);
  }
}
