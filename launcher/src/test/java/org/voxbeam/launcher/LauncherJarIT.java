package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/** The shaded {@code launcher.jar}, started as a user starts it, runs a plan against a store. */
class LauncherJarIT {
  private static final Path JAR = Path.of("target", "launcher.jar");
  private static final String JAVA =
      System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";

  @TempDir Path dir;

  private record Outcome(int exitCode, String out, String err) {}

  private Outcome java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return start(new ProcessBuilder(command));
  }

  private Outcome start(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process =
        builder
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "launcher finished");
    return new Outcome(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void theJarRunsAGoldenPlanTwiceAgainstOneStore() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "package built " + JAR);
    String plan = SharedFixtures.golden().resolve("programs/map-closure/plan.json").toString();
    String store = dir.resolve("store").toString();
    Outcome first = java("run", plan, "--store", store);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("scaled=[0.0, 10.0, 20.0, 30.0, 40.0, 50.0]"), first.out());
    assertTrue(first.out().contains("count=6.0"), first.out());
    Outcome second = java("run", plan, "--store", store);
    assertEquals(first.out(), second.out());
    assertTrue(second.err().contains("1 from store"), second.err());
  }

  @Test
  void theJarRunsTheBundledExampleOnBeamsDirectRunner() throws Exception {
    String plan = Path.of("..", "examples", "filter-fold", "plan.json").toAbsolutePath().toString();
    Outcome outcome =
        java("--runner=DirectRunner", plan, "--store", dir.resolve("store").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals(
        String.join(
            System.lineSeparator(),
            "big=[5, 6, 7, 8, 9]",
            "total=45.0",
            "product=120.0",
            "peak=9",
            "low=5",
            ""),
        outcome.out());
  }

  /**
   * The start-up script runs the launcher with the class-data archive the build made: the
   * launcher's own classes come from the archive ("shared objects file"), not from the jar.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theScriptStartsTheLauncherFromTheClassDataArchive() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target", "voxbeam.jsa")), "package made the archive");
    Outcome outcome = script("-Xlog:class+load=info", "run", examplePlan(), "--in-memory");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("total=45.0"), outcome.out());
    assertLoadedFromArchive(outcome, "org.voxbeam.launcher.VoxBeamCli");
  }

  /** A Beam run through the script maps the Beam archive, which holds the runner's classes. */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theScriptStartsABeamRunFromTheBeamArchive() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target", "voxbeam-beam.jsa")), "package made it");
    Outcome outcome =
        script(
            "-Xlog:class+load=info",
            "run",
            examplePlan(),
            "--store=" + dir.resolve("store"),
            "--runner=DirectRunner");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("total=45.0"), outcome.out());
    assertLoadedFromArchive(outcome, "org.apache.beam.runners.direct.DirectRunner");
  }

  /** The JVM's class-loading log ({@code -Xlog:class+load}) shows {@code name} from an archive. */
  private static void assertLoadedFromArchive(Outcome outcome, String name) {
    assertTrue(
        outcome
            .out()
            .lines()
            .anyMatch(line -> line.contains(name + " ") && line.contains("shared objects file")),
        name + " loaded from the archive");
  }

  /**
   * The script runs batch commands on the parallel collector and leaves the choice to the JVM for
   * {@code serve}, or to {@code VOXBEAM_JAVA_OPTS} when it names a collector.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theScriptRunsBatchCommandsOnTheParallelCollector() throws Exception {
    String plan = examplePlan();
    assertEquals("Parallel", collectorOf("-Xlog:gc", "run", plan, "--in-memory"));
    assertEquals("Serial", collectorOf("-Xlog:gc -XX:+UseSerialGC", "run", plan, "--in-memory"));
    assertEquals("G1", collectorOf("-Xlog:gc", "serve", "--help"));
  }

  /**
   * The script lets batch commands compile with C2 later than the JVM would, leaves {@code serve}
   * on the JVM's defaults, and a threshold given in {@code VOXBEAM_JAVA_OPTS} wins.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theScriptLetsBatchCommandsCompileWithC2Later() throws Exception {
    String plan = examplePlan();
    String flags = "-XX:+PrintFlagsFinal";
    assertEquals("50000", flagOf(flags, "Tier4InvocationThreshold", "run", plan, "--in-memory"));
    assertEquals("5000", flagOf(flags, "Tier4InvocationThreshold", "serve", "--help"));
    assertEquals(
        "7000",
        flagOf(
            flags + " -XX:Tier4InvocationThreshold=7000",
            "Tier4InvocationThreshold",
            "run",
            plan,
            "--in-memory"));
  }

  private static String examplePlan() {
    return Path.of("..", "examples", "filter-fold", "plan.json").toAbsolutePath().toString();
  }

  /** The collector the JVM the script starts reports it uses ({@code -Xlog:gc}). */
  private String collectorOf(String options, String... arguments) throws Exception {
    Outcome outcome = script(options, arguments);
    return outcome
        .out()
        .lines()
        .filter(line -> line.contains("[gc] Using "))
        .map(line -> line.substring(line.indexOf("Using ") + "Using ".length()).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no collector reported: " + outcome.out()));
  }

  /** The value of JVM flag {@code name} in the JVM the script starts ({@code PrintFlagsFinal}). */
  private String flagOf(String options, String name, String... arguments) throws Exception {
    Outcome outcome = script(options, arguments);
    return outcome
        .out()
        .lines()
        .map(String::trim)
        .map(line -> line.split("\\s+"))
        .filter(words -> words.length > 3 && words[1].equals(name) && words[2].equals("="))
        .map(words -> words[3])
        .findFirst()
        .orElseThrow(() -> new AssertionError("flag " + name + " not reported: " + outcome.out()));
  }

  /** Starts {@code target/voxbeam} with {@code arguments} and these {@code VOXBEAM_JAVA_OPTS}. */
  private Outcome script(String options, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("sh");
    command.add(Path.of("target", "voxbeam").toAbsolutePath().toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA", JAVA);
    builder.environment().put("VOXBEAM_JAVA_OPTS", options);
    return start(builder);
  }

  @Test
  void theJarRejectsBadInputWithoutAStackTrace() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"nodes\": [");
    Outcome outcome = java("run", broken.toString(), "--in-memory");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().startsWith("error: " + broken), outcome.err());
    assertTrue(!outcome.err().contains("\tat "), outcome.err());
  }

  @Test
  void theJarFollowsTheCommandLineConventions() throws Exception {
    Outcome version = java("--version");
    assertEquals(0, version.exitCode(), version.err());
    assertTrue(version.out().matches("voxbeam \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), version.out());
    Outcome help = java("help", "store", "gc");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().startsWith("Usage: voxbeam store gc "), help.out());
    Outcome typo = java("rnu", "x");
    assertEquals(2, typo.exitCode());
    assertEquals(
        "error: unknown command 'rnu' (did you mean 'run'?); see 'voxbeam --help'",
        typo.err().strip());
    String plan = Path.of("..", "examples", "filter-fold", "plan.json").toAbsolutePath().toString();
    String args = "@" + Path.of("..", "configs", "direct.args").toAbsolutePath();
    Outcome fromArgsFile = java(args, plan, "--store", dir.resolve("store").toString());
    assertEquals(0, fromArgsFile.exitCode(), fromArgsFile.err());
    assertTrue(fromArgsFile.out().contains("total=45.0"), fromArgsFile.out());
  }
}
