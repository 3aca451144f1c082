package org.voxbeam.testkit;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts test helpers in JVMs of their own, with this test's class path: the crash, durability and
 * multi-process tests kill or race them.
 */
public final class JvmProcesses {
  private JvmProcesses() {}

  /**
   * Starts {@code main} with {@code jvmOptions} and {@code args}; its standard error is ours. The
   * helper runs on the client compiler (most start, write a little and are killed); {@code
   * jvmOptions} come after that default, so a helper that computes can ask for C2.
   */
  public static Process start(Class<?> main, List<String> jvmOptions, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
