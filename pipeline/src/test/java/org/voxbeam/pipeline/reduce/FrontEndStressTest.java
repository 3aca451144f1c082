package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.testkit.HostilePrograms;

/**
 * The front end on inputs that are hostile by size or shape: comments by the thousand, deep
 * nesting, exponential and deep function chains, huge literals, many declarations. Each either
 * reduces or fails with a located error naming the limit, never with a stack overflow and never
 * after minutes. The sizes here keep {@code mvn verify} fast; {@code -Dvoxbeam.fuzz.long=true} runs
 * them at the scale of the outside probe and beyond.
 */
class FrontEndStressTest {
  private static final boolean LONG = Boolean.getBoolean("voxbeam.fuzz.long");

  @TempDir Path dir;

  private static Plan reduce(String program) {
    return Reducer.standard().reduceText(program, "stress.imgql");
  }

  private static int scale(int fast, int campaign) {
    return LONG ? campaign : fast;
  }

  @Test
  void commentsNeitherOverflowNorCostMoreThanTheirLength() {
    assertEquals(1, reduce(HostilePrograms.commentLines(scale(5_000, 1_000_000))).goals().size());
    assertEquals(1, reduce(HostilePrograms.hugeComment(scale(5 << 20, 50 << 20))).goals().size());
  }

  @Test
  void aDoublingChainReducesToOneNodePerLevel() {
    int depth = scale(20, 200);
    Plan plan = reduce(HostilePrograms.doublingChain(depth));
    // one + node per level, the constants 1.0 and x, and the program variables
    assertTrue(plan.nodes().size() < depth + 20, "nodes: " + plan.nodes().size());
  }

  @Test
  void aChainOfDefinitionsReducesAndADeeperOneIsALocatedError() {
    Plan plan = reduce(HostilePrograms.definitionChain(20_000));
    assertEquals(1, plan.goals().size());
    String deep = HostilePrograms.definitionChain(scale(30_000, 200_000));
    ReduceException deeper = assertThrows(ReduceException.class, () -> reduce(deep));
    assertTrue(deeper.getMessage().startsWith("stress.imgql:"), deeper.getMessage());
    String problem = deeper.problem();
    assertTrue(problem.contains("nest more than " + ExpressionReducer.MAX_DEPTH), problem);
    int lines = deeper.context().size();
    assertTrue(lines <= CallStack.SHOWN + 1, "call chain lines: " + lines);
  }

  @Test
  void manyDeclarationsReduceInLinearTime() {
    int count = scale(30_000, 300_000);
    Plan plan = reduce(HostilePrograms.declarationChain(count));
    assertTrue(plan.nodes().size() > count, "nodes: " + plan.nodes().size());
  }

  @Test
  void deepTreesAreLocatedSyntaxErrorsAtAnyLength() {
    reduce(HostilePrograms.operatorChain(500));
    reduce(HostilePrograms.nestedLets(400));
    for (String program :
        new String[] {
          HostilePrograms.operatorChain(scale(600, 2_000_000)),
          HostilePrograms.nestedLets(scale(600, 200_000)),
          HostilePrograms.nestedParentheses(scale(100_000, 10_000_000)),
        }) {
      ImgqlSyntaxException error = assertThrows(ImgqlSyntaxException.class, () -> reduce(program));
      assertTrue(error.getMessage().startsWith("stress.imgql:1:"), error.getMessage());
      assertTrue(error.problem().contains("512"), error.problem());
    }
  }

  @Test
  void hugeLiteralsAreRead() {
    assertEquals(1, reduce(HostilePrograms.hugeString(scale(4 << 20, 64 << 20))).goals().size());
    String wide = HostilePrograms.wideArray(scale(100_000, 2_000_000));
    Reducer roomy = Reducer.standard().withMaxPlanNodes(3_000_000);
    assertEquals(1, roomy.reduceText(wide, "stress.imgql").goals().size());
  }

  @Test
  void aPlanPastItsNodeLimitIsALocatedErrorNamingTheLimit() {
    Reducer small = Reducer.standard().withMaxPlanNodes(1_000);
    String prints = HostilePrograms.prints(2_000);
    ReduceException error =
        assertThrows(ReduceException.class, () -> small.reduceText(prints, "stress.imgql"));
    assertTrue(error.getMessage().startsWith("stress.imgql:"), error.getMessage());
    assertTrue(error.problem().contains("1000 nodes"), error.problem());
    assertTrue(error.problem().contains("--max-plan-nodes"), error.problem());
    assertEquals(2_000, reduce(HostilePrograms.prints(2_000)).goals().size());
  }

  @Test
  void aClosureCarryingExponentiallyManyFunctionsIsALocatedError() {
    StringBuilder program = new StringBuilder("f0(x) = x\nf1(x) = x + 1\n");
    for (int i = 2; i <= 40; i++) {
      program.append("f" + i + "(x) = f" + (i - 1) + "(x) + f" + (i - 2) + "(x)\n");
    }
    program.append("print \"r\" for i in range(0, 2) do f40(i)\n");
    ReduceException error = assertThrows(ReduceException.class, () -> reduce(program.toString()));
    assertTrue(error.getMessage().startsWith("stress.imgql:42:"), error.getMessage());
    String problem = error.problem();
    assertTrue(problem.contains(ClosureBuilder.MAX_FUNCTIONS + " user functions"), problem);
  }

  @Test
  void importsNestedTooDeeplyAreALocatedError() throws IOException {
    int files = ProgramReduction.MAX_IMPORT_DEPTH + 2;
    for (int i = 0; i < files; i++) {
      String source = "import \"lib" + (i + 1) + ".imgql\"\nv" + i + " = 1\n";
      Files.writeString(dir.resolve("lib" + i + ".imgql"), source);
    }
    Files.writeString(dir.resolve("lib" + files + ".imgql"), "v = 1\n");
    Reducer reducer = new Reducer(PrimitiveCatalog.voxLogicA2(), dir);
    ReduceException error =
        assertThrows(ReduceException.class, () -> reducer.reduceFile(Path.of("lib0.imgql")));
    assertTrue(
        error.problem().contains("imports nest more than " + ProgramReduction.MAX_IMPORT_DEPTH),
        error.problem());
  }

  @Test
  void randomProgramsOfEveryShapeReduce() {
    Random random = new Random(15);
    int programs = scale(100, 5_000);
    for (int i = 0; i < programs; i++) {
      Plan plan = reduce(HostilePrograms.random(random, scale(60, 600)));
      assertEquals(1, plan.goals().size());
    }
  }
}
