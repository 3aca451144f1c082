package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan whose node content was changed under its id, run with {@code --allow-id-mismatch}, does
 * not reach the shared store: the honest plan still prints its own results on that store
 * afterwards.
 */
class TamperedPlanCliTest {
  @TempDir Path dir;

  @Test
  void aTamperedPlanLeavesTheSharedStoreAsItWas() throws Exception {
    Path honest =
        Path.of("..", "examples", "filter-fold", "plan.json").toAbsolutePath().normalize();
    String text = Files.readString(honest, StandardCharsets.UTF_8);
    String tamperedText = text.replaceFirst("\"value\": 10\\.0", "\"value\": 11.0");
    assertFalse(tamperedText.equals(text), "the plan's 10.0 constant was changed");
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, tamperedText, StandardCharsets.UTF_8);
    String store = dir.resolve("store").toString();

    CliOutcome refused = CliOutcome.run("run", tampered.toString(), "--store", store);
    assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.err());

    CliOutcome forced =
        CliOutcome.run("run", tampered.toString(), "--allow-id-mismatch", "--store", store);
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(
        forced.out().contains("total=55.0"),
        "the tampered plan computes its own content: " + forced.out());

    CliOutcome after = CliOutcome.run("run", honest.toString(), "--store", store);
    assertEquals(0, after.exitCode(), after.err());
    assertTrue(after.out().contains("total=45.0"), after.out());
    assertTrue(
        after.err().contains("0 from store"),
        "nothing of the tampered run was stored: " + after.err());

    CliOutcome again =
        CliOutcome.run("run", tampered.toString(), "--allow-id-mismatch", "--store", store);
    assertTrue(again.out().contains("total=55.0"), "nor read from the store: " + again.out());
    CliOutcome runs = CliOutcome.run("runs", "--store", store);
    assertEquals(
        1, runs.out().lines().filter(line -> line.contains("plan.json")).count(), runs.out());
  }
}
