package org.voxbeam.pipeline.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The parser against VoxLogicA-2's own: {@code lark-vectors.json} holds hand-written edge cases,
 * random programs and every program of VoxLogicA-2's gallery and tests (named by their path there),
 * with the commands VoxLogicA-2's parser printed back, or the line of its parse error.
 */
class ImgqlParserTest {

  @TestFactory
  Stream<DynamicTest> agreesWithVoxLogicA2Parser() throws IOException {
    List<JsonObject> vectors = vectors();
    return IntStream.range(0, vectors.size())
        .mapToObj(
            index -> {
              String source = vectors.get(index).getString("source").orElseThrow();
              String name =
                  "#"
                      + index
                      + " "
                      + vectors.get(index).getString("name").orElse(source.replace("\n", "\\n"));
              return DynamicTest.dynamicTest(name, () -> checkVector(vectors.get(index), source));
            });
  }

  private static void checkVector(JsonObject vector, String source) {
    if (vector.get("commands").isPresent()) {
      List<String> expected = new ArrayList<>();
      for (JsonValue command : ((JsonArray) vector.get("commands").orElseThrow()).items()) {
        expected.add(((JsonString) command).value());
      }
      Program program = ImgqlParser.parseProgram(source, "vector");
      assertEquals(expected, program.commands().stream().map(ImgqlParserTest::syntax).toList());
    } else {
      ImgqlSyntaxException error =
          assertThrows(
              ImgqlSyntaxException.class, () -> ImgqlParser.parseProgram(source, "vector"));
      assertTrue(error.getMessage().startsWith("vector:"), error.getMessage());
    }
  }

  @Test
  void everyGoldenProgramParses() {
    for (Path dir : SharedFixtures.goldenPrograms()) {
      Path file = dir.resolve("program.imgql");
      Program program = ImgqlParser.parseProgram(SharedFixtures.read(file), file.toString());
      assertTrue(program.commands().size() >= 2, dir.toString());
    }
  }

  /**
   * VoxLogicA-2 re-parses the bodies it prints into closure nodes. Its printed form drops
   * parentheses, so reading it back may give another expression or fail; whatever it gives, this
   * parser must give the same.
   */
  @Test
  void printedBodiesReadBackAsVoxLogicA2ReadsThem() throws IOException {
    int checked = 0;
    for (JsonObject vector : vectors()) {
      if (vector.get("reparsed").isEmpty()) {
        continue;
      }
      List<JsonValue> expected = ((JsonArray) vector.get("reparsed").orElseThrow()).items();
      Program program = ImgqlParser.parseProgram(vector.getString("source").orElseThrow(), "v");
      List<Expression> bodies =
          program.commands().stream()
              .filter(Command.Declaration.class::isInstance)
              .map(command -> ((Command.Declaration) command).body())
              .toList();
      assertEquals(expected.size(), bodies.size());
      for (int i = 0; i < bodies.size(); i++) {
        String printed = bodies.get(i).toSyntax();
        if (expected.get(i) instanceof JsonString reparsed) {
          assertEquals(reparsed.value(), ImgqlParser.parseExpression(printed, "body").toSyntax());
          checked++;
        } else {
          assertThrows(ImgqlSyntaxException.class, () -> ImgqlParser.parseExpression(printed, "b"));
        }
      }
    }
    assertTrue(checked > 300, "only " + checked + " printed bodies parsed back");
  }

  @Test
  void errorNamesPositionFoundAndExpectedWithCaret() {
    ImgqlSyntaxException error =
        assertThrows(
            ImgqlSyntaxException.class,
            () -> ImgqlParser.parseProgram("a = 1\nb = (2 + \n", "prog.imgql"));
    assertEquals(new SourcePosition("prog.imgql", 3, 1), error.position());
    assertEquals(
        "prog.imgql:3:1: error: unexpected end of input; expected an expression\n\n^",
        error.getMessage());

    ImgqlSyntaxException mismatch =
        assertThrows(
            ImgqlSyntaxException.class, () -> ImgqlParser.parseProgram("x = f(a b)", "p.imgql"));
    assertEquals(
        "p.imgql:1:9: error: unexpected 'b'; expected ',' or ')'\nx = f(a b)\n        ^",
        mismatch.getMessage());
  }

  @Test
  void positionsPointAtTheStartOfEachConstruct() {
    Program program = ImgqlParser.parseProgram("\n  y = f(x) + g(z)\n", "p");
    Command.Declaration declaration = (Command.Declaration) program.commands().get(0);
    assertEquals(new SourcePosition("p", 2, 3), declaration.position());
    Call sum = (Call) declaration.body();
    assertEquals(new SourcePosition("p", 2, 7), sum.position());
    assertEquals(new SourcePosition("p", 2, 14), ((Call) sum.arguments().get(1)).position());
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    String deep = "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
    assertThrows(ImgqlSyntaxException.class, () -> ImgqlParser.parseProgram(deep, "deep"));
    String prefixes = "x = " + "- ".repeat(100_000) + "1";
    assertThrows(ImgqlSyntaxException.class, () -> ImgqlParser.parseProgram(prefixes, "deep"));
  }

  @Test
  void parseExpressionRejectsTrailingText() {
    ImgqlSyntaxException error =
        assertThrows(
            ImgqlSyntaxException.class, () -> ImgqlParser.parseExpression("a + b c = 3", "body"));
    assertTrue(error.problem().contains("end of the expression"), error.problem());
  }

  static String syntax(Command command) {
    if (command instanceof Command.Declaration declaration) {
      String parameters =
          declaration.parameters().isEmpty()
              ? ""
              : declaration.parameters().stream().collect(Collectors.joining(",", "(", ")"));
      return "let " + declaration.name() + parameters + "=" + declaration.body().toSyntax();
    } else if (command instanceof Command.Print print) {
      return "print \"" + print.label() + "\" " + print.expression().toSyntax();
    } else if (command instanceof Command.Save save) {
      return "save \"" + save.path() + "\" " + save.expression().toSyntax();
    }
    return "import " + ((Command.Import) command).target();
  }

  static List<JsonObject> vectors() throws IOException {
    try (InputStream in = ImgqlParserTest.class.getResourceAsStream("/lang/lark-vectors.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ((JsonArray) JsonReader.parse(text))
          .items().stream().map(JsonObject.class::cast).toList();
    }
  }
}
