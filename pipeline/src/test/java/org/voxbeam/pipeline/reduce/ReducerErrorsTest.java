package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs that parse but cannot be reduced fail with located, readable messages. */
class ReducerErrorsTest {
  @TempDir Path dir;

  private static ReduceException failure(String program) {
    return assertThrows(
        ReduceException.class, () -> Reducer.standard().reduceText(program, "prog.imgql"));
  }

  @Test
  void unboundNamePointsAtTheName() {
    ReduceException e = failure("a = 1\nx = a + nope\n");
    assertEquals(
        "prog.imgql:2:9: error: unbound name 'nope': not a parameter, a declaration,"
            + " an imported function or a primitive\nx = a + nope\n        ^",
        e.getMessage());
  }

  @Test
  void primitiveArityIsChecked() {
    ReduceException e = failure("print \"r\" range(1, 2, 3)\n");
    assertTrue(
        e.getMessage()
            .startsWith(
                "prog.imgql:1:11: error: 'default.range' takes 1..2 argument(s) but is called with 3"),
        e.getMessage());
  }

  @Test
  void functionArityIsChecked() {
    ReduceException e = failure("f(a) = a\nprint \"x\" f(1, 2)\n");
    assertEquals("function 'f' takes 1 argument(s) but is called with 2", e.problem());
    assertEquals(2, e.position().line());
  }

  @Test
  void errorsInsideFunctionsShowTheCallChain() {
    ReduceException e = failure("f(x) = x + q\ng(y) = f(y)\nprint \"p\" g(1)\n");
    assertEquals(1, e.position().line());
    assertTrue(e.getMessage().contains("in 'f' called at prog.imgql:2:8"), e.getMessage());
    assertTrue(e.getMessage().contains("in 'g' called at prog.imgql:3:11"), e.getMessage());
  }

  @Test
  void valuesCannotBeCalledAndFunctionsNeedArguments() {
    assertTrue(failure("a = 1\nprint \"x\" a(2)\n").problem().contains("'a' is a value"));
    assertTrue(failure("f(x) = x\nprint \"x\" f\n").problem().contains("used without arguments"));
    assertTrue(
        failure("f(x, y) = x\nprint \"x\" map(f, [1])\n").problem().contains("one argument"));
  }

  @Test
  void unsupportedFoldOperatorAndUnknownNamespace() {
    assertTrue(
        failure("print \"x\" fold .+. [1]\n")
            .problem()
            .startsWith("fold cannot combine with '.+.'"));
    ReduceException e = failure("import \"nosuch\"\n");
    assertTrue(e.problem().startsWith("unknown namespace 'nosuch'"), e.problem());
  }

  @Test
  void vox1LibraryKeepsVoxLogicA2sDeclarationOrder() {
    ReduceException e = failure("import \"vox1\"\nprint \"b\" B+(border)\n");
    assertTrue(e.problem().startsWith("unbound name '\\'"), e.problem());
    assertTrue(e.getMessage().contains("in 'B+' called at prog.imgql:2:11"), e.getMessage());
  }

  @Test
  void errorInImportedFileShowsTheImportChain() throws Exception {
    Files.writeString(dir.resolve("main.imgql"), "import \"lib/a.imgql\"\nprint \"x\" one\n");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/a.imgql"), "one = 1\nimport \"b.imgql\"\n");
    Files.writeString(dir.resolve("lib/b.imgql"), "two = 2 +\n");
    ReduceException e =
        assertThrows(
            ReduceException.class,
            () ->
                new Reducer(PrimitiveCatalog.voxLogicA2(), dir).reduceFile(Path.of("main.imgql")));
    String message = e.getMessage();
    assertTrue(message.startsWith("lib/b.imgql:2:1: error: "), message);
    assertTrue(
        message.contains("imported from lib/a.imgql:2:1\n  imported from main.imgql:1:1"), message);
  }

  @Test
  void importsResolveRelativeToTheImportingFileOnce() throws Exception {
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(
        dir.resolve("main.imgql"),
        "import \"lib/a.imgql\"\nimport \"lib/../lib/a.imgql\"\nprint \"x\" f(one)\n");
    Files.writeString(dir.resolve("lib/a.imgql"), "import \"b.imgql\"\none = two + 1\n");
    Files.writeString(dir.resolve("lib/b.imgql"), "two = 2\nf(x) = x * 10\n");
    var plan = new Reducer(PrimitiveCatalog.voxLogicA2(), dir).reduceFile(Path.of("main.imgql"));
    var same =
        Reducer.standard()
            .reduceText("two = 2\nf(x) = x * 10\none = two + 1\nprint \"x\" f(one)\n", "p");
    assertEquals(same.goals(), plan.goals());
  }

  @Test
  void importCyclesAreReported() throws Exception {
    Files.writeString(dir.resolve("a.imgql"), "import \"b.imgql\"\nx = 1\n");
    Files.writeString(dir.resolve("b.imgql"), "import \"a.imgql\"\n");
    ReduceException e =
        assertThrows(
            ReduceException.class,
            () -> new Reducer(PrimitiveCatalog.voxLogicA2(), dir).reduceFile(Path.of("a.imgql")));
    assertTrue(e.getMessage().startsWith("b.imgql:1:1: error: import cycle"), e.getMessage());
    assertTrue(e.getMessage().contains("imported from a.imgql:1:1"), e.getMessage());
  }

  @Test
  void missingImportIsLocated() {
    ReduceException e = failure("x = 1\nimport \"absent-file.imgql\"\n");
    assertEquals(2, e.position().line());
    assertTrue(e.problem().startsWith("cannot read imported file"), e.problem());
  }
}
