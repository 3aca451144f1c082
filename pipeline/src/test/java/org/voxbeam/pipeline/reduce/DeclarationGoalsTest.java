package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Declarations as goals, in the order VoxLogicA-2's {@code reduce_program_with_bindings} lists them
 * (the corpus test checks the ids against VoxLogicA-2 on its gallery): after the program's own
 * goals, every parameterless declaration by the position of its first declaration with the node of
 * its last; functions are not goals; the plan's nodes do not change.
 */
class DeclarationGoalsTest {
  private static final String PROGRAM =
      String.join(
          "\n",
          "a = 1 + 2",
          "f(x) = x * 2",
          "b = f(a)",
          "a = 7",
          "let c = a - 1",
          "print \"first\" b");

  private final Reducer reducer = new Reducer(PrimitiveCatalog.voxLogicA2(), Path.of("/corpus"));

  @Test
  void everyParameterlessDeclarationFollowsTheProgramsGoals() {
    Plan plain = reducer.reduceText(PROGRAM, "p.imgql");
    Plan all = reducer.withDeclarationGoals(DeclarationGoals.ALL).reduceText(PROGRAM, "p.imgql");
    assertEquals(List.of("first"), names(plain));
    assertEquals(List.of("first", "a", "b", "c"), names(all));
    assertEquals(plain.nodes().keySet(), all.nodes().keySet());
    Plan seven = reducer.withDeclarationGoals(DeclarationGoals.ALL).reduceText("x = 7", "p.imgql");
    assertEquals(
        seven.goals().get(0).id(), all.goals().get(1).id(), "a is its last declaration, 7");
    assertEquals(all.goals().get(0).id(), all.goals().get(2).id(), "b is the printed node");
    assertTrue(all.goals().stream().allMatch(goal -> goal.operation() == Goal.Operation.PRINT));
  }

  @Test
  void namedDeclarationsAreGoalsInTheGivenOrder() {
    Plan plan =
        reducer
            .withDeclarationGoals(DeclarationGoals.named(List.of("c", "a", "c")))
            .reduceText(PROGRAM, "p.imgql");
    assertEquals(List.of("first", "c", "a", "c"), names(plan));
  }

  @Test
  void anUnknownNameIsAReductionErrorListingTheDeclarations() {
    ReduceException e =
        assertThrows(
            ReduceException.class,
            () ->
                reducer
                    .withDeclarationGoals(DeclarationGoals.named(List.of("f")))
                    .reduceText(PROGRAM, "p.imgql"));
    assertEquals(
        "no parameterless declaration named 'f' to print (declared: a, b, c)", e.problem());
    assertTrue(e.getMessage().startsWith("p.imgql:1:1: error: "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DeclarationGoals(true, List.of("a")));
  }

  private static List<String> names(Plan plan) {
    return plan.goals().stream().map(Goal::name).toList();
  }
}
