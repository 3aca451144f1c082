package org.voxbeam.benchmarks.peer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A way to run a program as a user runs it: one process per run, over a store directory. */
sealed interface Engine {

  /** The column heading. */
  String label();

  /** Whether this engine can run {@code workload} here at all. */
  boolean runs(Workload workload);

  /** The command line that runs {@code program} over the store in {@code store}. */
  List<String> command(Path program, Path store);

  /** Variables added to the process environment. */
  Map<String, String> environment();

  /**
   * VoxBeam's launcher jar, in process or on a Beam runner; with {@code classData}, started through
   * the start-up script beside the jar (its class-data archive and collector), as a user starts it.
   */
  record VoxBeam(Path launcher, Optional<String> runner, boolean classData) implements Engine {
    @Override
    public String label() {
      return runner.map(name -> "VoxBeam " + name).orElse("VoxBeam");
    }

    @Override
    public boolean runs(Workload workload) {
      return true;
    }

    @Override
    public List<String> command(Path program, Path store) {
      List<String> command = new ArrayList<>();
      Path script = launcher.resolveSibling("voxbeam");
      if (classData && Files.isRegularFile(script)) {
        command.add("sh");
        command.add(script.toString());
      } else {
        command.add(java());
        command.add("-jar");
        command.add(launcher.toString());
      }
      command.add("run");
      command.add(program.toString());
      command.add("--store=" + store);
      runner.ifPresent(name -> command.add("--runner=" + name));
      return command;
    }

    /** The script runs the JVM running this benchmark. */
    @Override
    public Map<String, String> environment() {
      return Map.of("JAVA", java());
    }

    private static String java() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  /**
   * VoxLogicA-2's own command line from a checkout, with {@code pythonPath} (for example a
   * SimpleITK stand-in where SimpleITK cannot be installed) ahead of its sources; {@code images}
   * says whether SimpleITK is really there to read volumes.
   */
  record VoxLogica2(Path checkout, String python, List<Path> pythonPath, boolean images)
      implements Engine {
    @Override
    public String label() {
      return "VoxLogicA-2";
    }

    @Override
    public boolean runs(Workload workload) {
      return images || !workload.needsImages();
    }

    @Override
    public List<String> command(Path program, Path store) {
      return List.of(
          python,
          "-m",
          "voxlogica.main",
          "run",
          program.toString(),
          "--store-db",
          store.resolve("results.db").toString());
    }

    @Override
    public Map<String, String> environment() {
      List<String> entries = new ArrayList<>();
      pythonPath.forEach(path -> entries.add(path.toAbsolutePath().toString()));
      entries.add(checkout.resolve("implementation/python").toAbsolutePath().toString());
      return Map.of("PYTHONPATH", String.join(File.pathSeparator, entries));
    }
  }
}
