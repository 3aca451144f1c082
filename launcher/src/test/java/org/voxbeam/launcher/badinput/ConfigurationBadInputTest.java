package org.voxbeam.launcher.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.launcher.CliOutcome;

/**
 * The bad-input matrix for configuration (the properties file and {@code VOXBEAM_*} variables),
 * beyond the key-by-key checks of {@code ConfigurationTest}: files that are not properties files,
 * broken escapes, empty and out-of-range values, and oversized files. Each bad one is refused with
 * exit code 2 and one line naming the file or variable and the key, before any command runs; the
 * store filled beforehand is untouched.
 */
class ConfigurationBadInputTest {
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

  private CliOutcome withFile(String name, byte[] content) throws IOException {
    Path file = Files.write(dir.resolve(name), content);
    return CliOutcome.run(
        Map.of("HOME", dir.toString()),
        "--config",
        file.toString(),
        "store",
        "stats",
        "--store",
        store.path());
  }

  private CliOutcome withFile(String name, String content) throws IOException {
    return withFile(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void filesThatAreNotPropertiesFilesAreRefusedByName() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder.properties"));
    CliOutcome.run(Map.of(), "--config", folder.toString(), "list-primitives")
        .assertRefused("folder.properties")
        .assertOneLine();
    withFile("escape.properties", "store.path=\\uZZZZ\n")
        .assertRefused("escape.properties")
        .assertOneLine();
    byte[] noise = new byte[2048];
    new Random(2).nextBytes(noise);
    withFile("noise.properties", noise).assertRefused("noise.properties").assertOneLine();
  }

  @Test
  void emptyAndOutOfRangeValuesNameTheKey() throws IOException {
    withFile("emptyport.properties", "server.port=\n")
        .assertRefused("emptyport.properties", "server.port")
        .assertOneLine();
    withFile("bigport.properties", "server.port=70000\n")
        .assertRefused("server.port", "70000")
        .assertOneLine();
    withFile("threads.properties", "run.threads=-2\n").assertRefused("threads").assertOneLine();
    withFile("overflow.properties", "run.threads=99999999999999999999\n")
        .assertRefused("threads")
        .assertOneLine();
  }

  @Test
  void badEnvironmentValuesNameTheVariable() {
    CliOutcome.run(
            Map.of("VOXBEAM_CONFIG", dir.resolve("absent.properties").toString()),
            "list-primitives")
        .assertRefused("absent.properties")
        .assertOneLine();
    CliOutcome.run(Map.of("VOXBEAM_THREADS", "lots"), "list-primitives")
        .assertRefused("VOXBEAM_THREADS", "lots")
        .assertOneLine();
  }

  @Test
  void anOversizedButValidFileIsAccepted() throws IOException {
    String comments = "# padding\n".repeat(200_000);
    CliOutcome outcome = withFile("large.properties", comments + "store.cache-mb=64\n");
    assertEquals(0, outcome.exitCode(), outcome.err());
  }
}
