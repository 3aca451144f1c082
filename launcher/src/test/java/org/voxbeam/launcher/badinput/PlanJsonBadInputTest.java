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
 * The bad-input matrix for plan JSON given to {@code voxbeam run plan.json}. The reader's
 * rejections one by one are {@code PlanJsonReaderTest}'s, and cycles, dangling and tampered ids
 * through the command line are {@code VoxBeamCliTest}'s; this class adds truncated, empty, binary,
 * oversized and hostile files. Every case exits with 2, prints one line naming the file (and the
 * node or position where there is one), runs nothing, and leaves the store as it was.
 */
class PlanJsonBadInputTest {
  private static final String ID =
      "6447fe7569d0458da048592bf3798974c8adb4ad29c886d49bf0c14b5e2f6352";

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

  private CliOutcome run(String name, byte[] content) throws IOException {
    Path file = Files.write(dir.resolve(name), content);
    return CliOutcome.run("run", file.toString(), "--store", store.path());
  }

  private CliOutcome run(String name, String content) throws IOException {
    return run(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void truncatedPlansNameTheFileAndPosition() throws IOException {
    byte[] golden =
        Files.readAllBytes(SharedFixtures.golden().resolve("programs/filter-fold/plan.json"));
    for (int cut : new int[] {1, golden.length / 3, golden.length / 2, golden.length - 2}) {
      run("cut.json", java.util.Arrays.copyOf(golden, cut))
          .assertRefused("cut.json:", "malformed JSON")
          .assertOneLine();
    }
  }

  @Test
  void emptyBinaryAndWrongShapedFilesAreRefused() throws IOException {
    run("empty.json", "").assertRefused("empty.json").assertOneLine();
    byte[] noise = new byte[4096];
    new Random(5).nextBytes(noise);
    run("noise.json", noise).assertRefused("noise.json").assertOneLine();
    run("array.json", "[]").assertRefused("array.json").assertOneLine();
    run("nodes.json", "{\"nodes\": 3, \"goals\": []}")
        .assertRefused("nodes.json", "nodes")
        .assertOneLine();
    run("trailing.json", "{\"nodes\": [], \"goals\": []} {}")
        .assertRefused("trailing.json")
        .assertOneLine();
  }

  @Test
  void malformedNodesNameTheNode() throws IOException {
    String badId =
        "{\"nodes\": [{\"id\": \"../../etc\", \"type\": \"constant\", \"value\": 1, \"output_kind\": \"scalar\"}], \"goals\": []}";
    run("badid.json", badId)
        .assertRefused("badid.json", "nodes[0]", "no valid 'id'")
        .assertOneLine();
    String noType = "{\"nodes\": [{\"id\": \"" + ID + "\", \"value\": 1}], \"goals\": []}";
    run("notype.json", noType).assertRefused("notype.json", ID).assertOneLine();
    String duplicateKey =
        "{\"nodes\": [{\"id\": \"" + ID + "\", \"id\": \"" + ID + "\"}], \"goals\": []}";
    run("dupkey.json", duplicateKey).assertRefused("dupkey.json", "id").assertOneLine();
    String unknownOperator =
        "{\"nodes\": [{\"id\": \""
            + ID
            + "\", \"type\": \"operation\", \"operator\": \"nowhere.op\", \"arguments\": {},"
            + " \"output_kind\": \"scalar\"}], \"goals\": [{\"operation\": \"print\", \"id\": \""
            + ID
            + "\", \"name\": \"g\"}]}";
    run("unknownop.json", unknownOperator)
        .assertRefused("unknownop.json", ID, "does not match")
        .assertOneLine();
    CliOutcome unknown =
        CliOutcome.run(
            "run",
            dir.resolve("unknownop.json").toString(),
            "--allow-id-mismatch",
            "--store",
            store.path());
    org.junit.jupiter.api.Assertions.assertEquals(
        1, unknown.exitCode(), "an unknown operator fails its node, not the run");
    org.junit.jupiter.api.Assertions.assertTrue(
        unknown.out().contains("g=<error: nowhere.op")
            && unknown.out().contains("unknown operator 'nowhere.op'"),
        unknown.out());
    unknown.assertNoStackTrace();
  }

  @Test
  void oversizedAndDeeplyNestedJsonFailsCleanly() throws IOException {
    run("deep.json", "[".repeat(500_000) + "]".repeat(500_000))
        .assertRefused("deep.json")
        .assertOneLine();
    String hugeNumber =
        "{\"nodes\": [{\"id\": \""
            + ID
            + "\", \"type\": \"constant\", \"value\": 1e999999,"
            + " \"output_kind\": \"scalar\"}], \"goals\": []}";
    run("hugenumber.json", hugeNumber).assertRefused("hugenumber.json").assertOneLine();
    String longString = "{\"nodes\": [], \"goals\": [], \"junk\": \"" + "x".repeat(4 << 20) + "\"";
    CliOutcome outcome =
        run("longstring.json", longString).assertRefused("longstring.json").assertOneLine();
    org.junit.jupiter.api.Assertions.assertTrue(
        outcome.err().length() < 4096, "the message echoes the input");
  }

  @Test
  void aPlanThatIsNotAReadableFileIsRefused() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder.json"));
    CliOutcome.run("run", folder.toString(), "--store", store.path())
        .assertRefused("folder.json")
        .assertOneLine();
  }
}
