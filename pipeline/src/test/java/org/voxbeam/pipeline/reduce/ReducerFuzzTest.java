package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Mutated programs through the whole front end: parsing and reduction either succeed or fail with
 * the front end's own located errors, never with another exception.
 */
class ReducerFuzzTest {
  private static final String[] FRAGMENTS = {
    "x",
    "f(",
    ")",
    ",",
    " + ",
    " * ",
    "map(",
    "fold + ",
    "for i in ",
    " do ",
    "let a = ",
    " in ",
    "[",
    "]",
    "[1:]",
    "import \"vox1\"\n",
    "import \"strings\"\n",
    "\n",
    "\"s\"",
    "2",
    "$stem",
    "range(0, 3)",
    "filter v in ",
    "print \"p\" ",
    "g(a, b) = ",
    "touch(",
    "!",
    "&&",
    ".+.",
    "=",
  };

  @Test
  void mutatedProgramsFailOnlyWithFrontEndErrors() {
    List<String> seeds = new ArrayList<>();
    for (Path dir : SharedFixtures.goldenPrograms()) {
      seeds.add(SharedFixtures.read(dir.resolve("program.imgql")));
    }
    SplittableRandom random = new SplittableRandom(5);
    Reducer reducer = Reducer.standard();
    int reduced = 0;
    for (int trial = 0; trial < 5_000; trial++) {
      String program = mutate(seeds.get(random.nextInt(seeds.size())), random);
      try {
        reducer.reduceText(program, "fuzz.imgql");
        reduced++;
      } catch (ImgqlSyntaxException | ReduceException expected) {
        assertTrue(
            expected.getMessage().startsWith("fuzz.imgql:")
                || expected.getMessage().startsWith("vox1/"),
            expected.getMessage());
      }
    }
    assertTrue(reduced > 200, "mutations too destructive to reach the reducer: " + reduced);
  }

  private static String mutate(String seed, SplittableRandom random) {
    StringBuilder text = new StringBuilder(seed);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
        default -> {
          int from = random.nextInt(text.length() + 1);
          int to = Math.min(text.length(), from + random.nextInt(12));
          text.insert(at, text.substring(from, to));
        }
      }
    }
    return text.toString();
  }
}
