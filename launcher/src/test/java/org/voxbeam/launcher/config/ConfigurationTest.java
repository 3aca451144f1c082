package org.voxbeam.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.launcher.VoxBeamCli;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/** Precedence (command line, environment, file, default) and errors that name the bad key. */
class ConfigurationTest {
  @TempDir Path dir;

  @Test
  void commandLineBeatsEnvironmentBeatsFile() throws IOException {
    Path file = write("store.path=" + slashes(dir.resolve("from-file")) + "\n");
    Map<String, String> environment = new HashMap<>(Map.of("HOME", dir.toString()));
    for (String store : List.of("from-file", "from-env", "from-cli")) {
      ParquetResultStore.open(dir.resolve(store), StoreOptions.defaults()).close();
    }

    assertUses(
        dir.resolve("from-file"), run(environment, "--config", file.toString(), "store", "stats"));

    environment.put("VOXBEAM_STORE", dir.resolve("from-env").toString());
    assertUses(
        dir.resolve("from-env"), run(environment, "--config", file.toString(), "store", "stats"));

    Path cli = dir.resolve("from-cli");
    assertUses(
        cli,
        run(environment, "--config", file.toString(), "store", "stats", "--store", cli.toString()));
  }

  @Test
  void theConfigFileCanComeFromTheEnvironment() throws IOException {
    Path file = write("store.path=" + slashes(dir.resolve("named")) + "\n");
    ParquetResultStore.open(dir.resolve("named"), StoreOptions.defaults()).close();
    Map<String, String> environment =
        Map.of("HOME", dir.toString(), "VOXBEAM_CONFIG", file.toString());
    assertUses(dir.resolve("named"), run(environment, "store", "stats"));
  }

  /** {@code store stats} succeeded on the store at {@code store}, which it names first. */
  private static void assertUses(Path store, Outcome outcome) {
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome.out().startsWith("store: " + store.toAbsolutePath().normalize() + "\n"),
        outcome.out());
  }

  @Test
  void aBadValueNamesTheFileAndKey() throws IOException {
    Path file = write("server.port=eighty\n");
    Outcome outcome =
        run(Map.of("HOME", dir.toString()), "--config", file.toString(), "list-primitives");
    assertEquals(2, outcome.exitCode());
    assertEquals(
        "error: " + file + ": key server.port: must be an integer, got 'eighty'\n", outcome.err());
  }

  @Test
  void anUnknownKeyIsNamed() throws IOException {
    Path file = write("store.pth=/tmp/x\n");
    Outcome outcome =
        run(Map.of("HOME", dir.toString()), "--config", file.toString(), "list-primitives");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("unknown key 'store.pth'"), outcome.err());
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    Outcome outcome =
        run(Map.of("HOME", dir.toString(), "VOXBEAM_THREADS", "0"), "list-primitives");
    assertEquals(2, outcome.exitCode());
    assertEquals(
        "error: environment variable VOXBEAM_THREADS: must be between 1 and 2147483647, got 0\n",
        outcome.err());
  }

  @Test
  void durationsSizesAndChoicesAreChecked() throws IOException {
    for (String line :
        List.of(
            "store.eviction.max-age=7 weeks",
            "store.eviction.max-size=lots",
            "store.eviction.by=random")) {
      Path file = write(line + "\n");
      Outcome outcome =
          run(Map.of("HOME", dir.toString()), "--config", file.toString(), "list-primitives");
      assertEquals(2, outcome.exitCode(), line);
      assertTrue(outcome.err().contains(line.substring(0, line.indexOf('='))), outcome.err());
    }
  }

  @Test
  void runnerKeysBecomeBeamArguments() throws IOException {
    Path file = write("runner.runner=FlinkRunner\nrunner.flinkMaster=[local]\n");
    Configuration configuration =
        Configuration.load(List.of("--config", file.toString()), Map.of());
    assertEquals(
        List.of("--flinkMaster=[local]", "--runner=FlinkRunner"), configuration.runnerArguments());
    assertFalse(configuration.value(ConfigKey.STORE_PATH).isPresent());
  }

  @Test
  void aMissingConfigFileIsAnError() {
    Outcome outcome =
        run(Map.of(), "--config", dir.resolve("absent.properties").toString(), "list-primitives");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("no configuration file"), outcome.err());
  }

  private Path write(String content) throws IOException {
    Path file = Files.createTempFile(dir, "voxbeam", ".properties");
    Files.writeString(file, content);
    return file;
  }

  /** Properties files treat backslashes as escapes; forward slashes work on every platform. */
  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }

  private static Outcome run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VoxBeamCli.execute(
            args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new Outcome(code, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
  }

  private record Outcome(int exitCode, String out, String err) {}
}
