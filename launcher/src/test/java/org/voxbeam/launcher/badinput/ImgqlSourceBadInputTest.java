package org.voxbeam.launcher.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.launcher.CliOutcome;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The bad-input matrix for ImgQL source given to {@code voxbeam run x.imgql}: malformed, truncated,
 * oversized and hostile programs. Each is refused with exit code 2 and a located, stack-trace-free
 * message, before anything runs, and the store filled beforehand is untouched. The parser's own
 * fuzzing is {@code ImgqlParserFuzzTest}; this is the command line's side.
 */
class ImgqlSourceBadInputTest {
  @TempDir Path dir;
  private PopulatedStore store;

  @BeforeEach
  void fillStore() {
    store = PopulatedStore.create(dir.resolve("store"));
  }

  @AfterEach
  void storeIsIntact() {
    store.assertIntact();
  }

  private CliOutcome run(String name, String source) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return CliOutcome.run("run", file.toString(), "--store", store.path());
  }

  @Test
  void malformedSyntaxNamesFileLineAndColumn() throws IOException {
    run("string.imgql", "x = \"never closed\nprint \"x\" x\n").assertRefused("string.imgql:1:");
    run("operator.imgql", "x = 1 +* 2\n").assertRefused("operator.imgql:1:", "error:");
    run("keyword.imgql", "print print print\n").assertRefused("keyword.imgql:1:", "error:");
    run("unbalanced.imgql", "x = ((1)\nprint \"x\" x\n")
        .assertRefused("unbalanced.imgql:", "error:");
  }

  @Test
  void aTruncatedProgramIsRefusedAtItsEnd() throws IOException {
    String hello =
        Files.readString(SharedFixtures.golden().resolve("programs/map-closure/program.imgql"));
    int cut = hello.lastIndexOf('(') + 1;
    run("cut.imgql", hello.substring(0, cut))
        .assertRefused("cut.imgql:", "unexpected end of input");
  }

  @Test
  void binaryAndNonUtf8ContentIsRefused() throws IOException {
    byte[] noise = new byte[2048];
    new Random(8).nextBytes(noise);
    Path binary = Files.write(dir.resolve("noise.imgql"), noise);
    CliOutcome.run("run", binary.toString(), "--store", store.path()).assertRefused("noise.imgql");
    run("nul.imgql", "x = 1\u0000\nprint \"x\" x\n").assertRefused("nul.imgql:1:");
  }

  @Test
  void unboundNamesWrongArityAndUnknownNamespacesAreReductionErrors() throws IOException {
    run("unbound.imgql", "print \"x\" nowhere + 1\n")
        .assertRefused("unbound.imgql:1:", "unbound name 'nowhere'");
    run("arity.imgql", "f(a, b) = a + b\nprint \"x\" f(1)\n").assertRefused("arity.imgql:2:", "f");
    run("namespace.imgql", "import \"no_such_namespace\"\nprint \"x\" 1\n")
        .assertRefused("namespace.imgql:1:", "no_such_namespace");
  }

  @Test
  void badImportsAreRefusedWithTheChain() throws IOException {
    run("missing.imgql", "import \"absent.imgql\"\nprint \"x\" 1\n")
        .assertRefused("missing.imgql:1:", "absent.imgql");
    Files.writeString(dir.resolve("b.imgql"), "import \"a.imgql\"\n");
    run("a.imgql", "import \"b.imgql\"\nprint \"x\" 1\n").assertRefused("a.imgql", "b.imgql");
    Files.createDirectories(dir.resolve("folder.imgql"));
    run("dirimport.imgql", "import \"folder.imgql\"\nprint \"x\" 1\n")
        .assertRefused("dirimport.imgql:1:", "folder.imgql");
  }

  @Test
  void oversizedProgramsFailCleanlyNotWithAStackOverflow() throws IOException {
    run(
            "deep.imgql",
            "x = " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + "\nprint \"x\" x\n")
        .assertRefused("deep.imgql:1:");
    run("deepcalls.imgql", "x = " + "f(".repeat(50_000) + "1" + ")".repeat(50_000) + "\n")
        .assertRefused("deepcalls.imgql:1:");
    String longName = "v".repeat(1 << 20);
    run("longline.imgql", "print \"x\" " + longName + "\n")
        .assertRefused("longline.imgql:1:11: error: unbound name");
  }

  @Test
  void aProgramThatIsNotAReadableFileIsRefused() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("program.imgql"));
    CliOutcome.run("run", folder.toString(), "--store", store.path())
        .assertRefused("program.imgql")
        .assertOneLine();
    CliOutcome.run("run", dir.resolve("absent.imgql").toString(), "--store", store.path())
        .assertRefused("absent.imgql", "cannot read program")
        .assertOneLine();
  }

  @Test
  void hostileRedefinitionsOfProgramVariablesAreRefused() throws IOException {
    run("reserved.imgql", "$cwd = \"/\"\nprint \"x\" $cwd\n").assertRefused("reserved.imgql:1:");
  }
}
