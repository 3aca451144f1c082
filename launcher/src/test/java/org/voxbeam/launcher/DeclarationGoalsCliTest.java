package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/**
 * {@code --declarations} and {@code --goal}: a VoxLogicA-2 gallery program that declares values and
 * prints nothing shows them, in declaration order, after the program's own goals.
 */
class DeclarationGoalsCliTest {
  /** VoxLogicA-2's gallery program intro-arithmetic, as it ships. */
  private static final String PROGRAM =
      "a = 7\nb = 5\nc = a * b - 3\na_times_b_minus_3 = c\nis_gt_20 = c > 20\n";

  @TempDir Path dir;
  private Path program;

  @BeforeEach
  void writeTheProgram() throws IOException {
    program = Files.writeString(dir.resolve("intro-arithmetic.imgql"), PROGRAM);
  }

  @Test
  void withoutGoalsAProgramOfDeclarationsPrintsNothing() {
    CliOutcome outcome = CliOutcome.run("run", program.toString(), "--in-memory");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void declarationsPrintsEveryDeclarationInOrder() {
    CliOutcome outcome = CliOutcome.run("run", program.toString(), "--declarations", "--in-memory");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals(
        lines("a=7.0", "b=5.0", "c=32.0", "a_times_b_minus_3=32.0", "is_gt_20=True"),
        outcome.out());
  }

  @Test
  void goalPrintsTheNamedDeclarations() {
    CliOutcome outcome =
        CliOutcome.run(
            "run", program.toString(), "--goal", "is_gt_20", "--goal", "c", "--in-memory");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals(lines("is_gt_20=True", "c=32.0"), outcome.out());
  }

  @Test
  void badSelectionsAreRefusedWithOneLine() {
    assertRefused(
        CliOutcome.run("run", program.toString(), "--goal", "d", "--in-memory"),
        "intro-arithmetic.imgql:1:1",
        "no parameterless declaration named 'd'",
        "a, b, c, a_times_b_minus_3, is_gt_20");
    assertRefused(
        CliOutcome.run("run", program.toString(), "--goal", "c", "--declarations", "--in-memory"),
        "either --declarations or --goal");
    Path plan = SharedFixtures.golden().resolve("programs/filter-fold/plan.json");
    assertRefused(
        CliOutcome.run("run", plan.toString(), "--declarations", "--in-memory"),
        "need an ImgQL program",
        "plan.json");
  }

  private static void assertRefused(CliOutcome outcome, String... mentions) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals("", outcome.out());
    String message = outcome.err().strip();
    assertFalse(message.contains("\n"), message);
    assertFalse(message.contains("Exception"), message);
    for (String mention : mentions) {
      assertTrue(message.contains(mention), message);
    }
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }
}
