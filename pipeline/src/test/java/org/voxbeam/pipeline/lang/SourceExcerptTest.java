package org.voxbeam.pipeline.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceExcerptTest {

  @Test
  void shortLinesAreShownWhole() {
    assertEquals("x = (1\n      ^", SourceExcerpt.render("x = (1", 7));
  }

  @Test
  void longLinesAreCutAroundTheColumnWithTheCaretStillUnderIt() {
    String line = "a".repeat(5_000) + "#" + "b".repeat(5_000);
    String[] rendered = SourceExcerpt.render(line, 5_001).split("\n");
    assertTrue(rendered[0].length() <= SourceExcerpt.MAX_WIDTH + 2, rendered[0]);
    assertTrue(rendered[0].startsWith("…") && rendered[0].endsWith("…"), rendered[0]);
    assertEquals('#', rendered[0].charAt(rendered[1].indexOf('^')));
  }

  @Test
  void anErrorAtTheEndOfALongLineKeepsItsEnd() {
    String line = "c".repeat(1_000) + ")";
    String[] rendered = SourceExcerpt.render(line, 1_001).split("\n");
    assertTrue(rendered[0].endsWith(")"), rendered[0]);
    assertEquals(')', rendered[0].charAt(rendered[1].indexOf('^')));
  }

  @Test
  void aParseErrorOnAHugeLineGivesAShortMessage() {
    String program = "x = [" + "1, ".repeat(100_000) + ")";
    ImgqlSyntaxException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            ImgqlSyntaxException.class, () -> ImgqlParser.parseProgram(program, "big.imgql"));
    assertTrue(error.getMessage().length() < 500, error.getMessage().length() + " characters");
    String hugeString = "x = \"" + "s".repeat(100_000) + "\" \"next\"";
    ImgqlSyntaxException afterString =
        org.junit.jupiter.api.Assertions.assertThrows(
            ImgqlSyntaxException.class, () -> ImgqlParser.parseProgram(hugeString, "big.imgql"));
    assertTrue(
        afterString.getMessage().length() < 500, afterString.getMessage().length() + " characters");
  }
}
