package org.voxbeam.pipeline.reduce;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.lang.SourcePosition;
import org.voxbeam.pipeline.plan.Goal;

/**
 * Which parameterless declarations become {@code print} goals besides the program's own {@code
 * print} and {@code save} commands: none (a plain run), all of them, or the ones named.
 *
 * <p>VoxLogicA-2's gallery programs declare values and print nothing; its studio shows every
 * declaration. "All" gives the same list as VoxLogicA-2's {@code reduce_program_with_bindings}:
 * every parameterless declaration reduced (imported files and libraries included), in the order
 * names were first declared, each with the node of its last declaration; the goals come after the
 * program's own. Goals never change a node, so the plan's nodes and ids are the same either way.
 *
 * @param all whether every declaration becomes a goal
 * @param names the declarations that become goals, in this order, when not {@code all}
 */
public record DeclarationGoals(boolean all, List<String> names) {
  /** The program's own goals only. */
  public static final DeclarationGoals NONE = new DeclarationGoals(false, List.of());

  /** Every parameterless declaration, in declaration order. */
  public static final DeclarationGoals ALL = new DeclarationGoals(true, List.of());

  public DeclarationGoals {
    names = List.copyOf(names);
    if (all && !names.isEmpty()) {
      throw new IllegalArgumentException("either every declaration or named ones, not both");
    }
  }

  /** Whether this adds any goal to the program's own. */
  public boolean addsGoals() {
    return all || !names.isEmpty();
  }

  /** The named declarations, in this order. */
  public static DeclarationGoals named(List<String> names) {
    return new DeclarationGoals(false, names);
  }

  /**
   * Adds the selected goals.
   *
   * @param declared each parameterless declaration's node, in first-declaration order
   * @throws ReduceException if a name is not a parameterless declaration of the program
   */
  void addTo(PlanBuilder plan, Map<String, NodeId> declared, String sourceName) {
    if (all) {
      declared.forEach((name, id) -> plan.addGoal(Goal.Operation.PRINT, id, name));
      return;
    }
    for (String name : names) {
      NodeId id = declared.get(Objects.requireNonNull(name, "name"));
      if (id == null) {
        throw new ReduceException(
            new SourcePosition(sourceName, 1, 1),
            "no parameterless declaration named '"
                + name
                + "' to print (declared: "
                + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet()))
                + ")",
            "",
            List.of());
      }
      plan.addGoal(Goal.Operation.PRINT, id, name);
    }
  }
}
