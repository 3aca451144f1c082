package org.voxbeam.pipeline.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Random and mutated programs: the parser either accepts them or throws its own error, with a
 * position inside the text; never another exception, never a hang.
 */
class ImgqlParserFuzzTest {

  private static final String ALPHABET =
      "abxyzLFRB019.:=+-*/!<>&|~\\$_\"'()[],; \n\t/éfold let in do";

  @Test
  void mutatedProgramsFailOnlyWithSyntaxErrors() throws IOException {
    List<String> seeds = new ArrayList<>();
    for (Path dir : SharedFixtures.goldenPrograms()) {
      seeds.add(SharedFixtures.read(dir.resolve("program.imgql")));
    }
    for (JsonObject vector : ImgqlParserTest.vectors()) {
      seeds.add(vector.getString("source").orElseThrow());
    }
    SplittableRandom random = new SplittableRandom(7);
    int accepted = 0;
    for (int trial = 0; trial < 30_000; trial++) {
      String program = mutate(seeds.get(random.nextInt(seeds.size())), random);
      accepted += parses(program) ? 1 : 0;
    }
    assertTrue(accepted > 1_000, "mutations too destructive to exercise the parser: " + accepted);
  }

  @Test
  void randomTextFailsOnlyWithSyntaxErrors() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 10_000; trial++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(
            random.nextInt(10) == 0
                ? (char) random.nextInt(0x3000)
                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      parses(text.toString());
    }
  }

  private static boolean parses(String program) {
    try {
      ImgqlParser.parseProgram(program, "fuzz");
      return true;
    } catch (ImgqlSyntaxException e) {
      assertTrue(e.position().line() >= 1 && e.position().column() >= 1, e.getMessage());
      assertTrue(e.getMessage().startsWith("fuzz:"), e.getMessage());
      return false;
    }
  }

  private static String mutate(String seed, SplittableRandom random) {
    StringBuilder text = new StringBuilder(seed);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length());
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (random.nextInt(3)) {
        case 0 -> text.insert(at, c);
        case 1 -> {
          if (text.length() > 0) {
            text.deleteCharAt(at);
          }
        }
        default -> {
          if (text.length() > 0) {
            text.setCharAt(at, c);
          }
        }
      }
    }
    return text.toString();
  }
}
