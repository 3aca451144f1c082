package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * What one in-process command line printed and returned, with the checks every bad input shares:
 * the one way the launcher's tests run the CLI without starting a JVM.
 */
public record CliOutcome(int exitCode, String out, String err) {

  public static CliOutcome run(String... args) {
    return run(Map.of(), args);
  }

  public static CliOutcome run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VoxBeamCli.execute(
            args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new CliOutcome(
        code, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
  }

  /** How many nodes the run computed, from its report line on standard error. */
  public int computed() {
    for (String line : err.lines().toList()) {
      if (line.matches("voxbeam: \\d+ nodes: \\d+ computed, .*")) {
        return Integer.parseInt(line.replaceAll("voxbeam: \\d+ nodes: (\\d+) computed, .*", "$1"));
      }
    }
    throw new AssertionError("no report in " + err);
  }

  /**
   * A refused input: exit code 2, nothing on standard output, and an error that mentions every one
   * of {@code mentions} without a stack trace or an exception class name.
   */
  public CliOutcome assertRefused(String... mentions) {
    assertEquals(2, exitCode, err);
    assertEquals("", out, out);
    assertNoStackTrace();
    for (String mention : mentions) {
      assertTrue(err.contains(mention), "expected '" + mention + "' in: " + err);
    }
    return this;
  }

  /** Standard error carries no Java stack trace and no exception class name. */
  public CliOutcome assertNoStackTrace() {
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("Error:"), err);
    return this;
  }

  /**
   * A located error: one message line, then the offending source line and a caret under the column,
   * nothing more.
   */
  public CliOutcome assertOneLineAndCaret() {
    String[] lines = err.strip().split("\n");
    assertEquals(3, lines.length, err);
    assertTrue(lines[2].strip().equals("^"), err);
    return this;
  }

  /**
   * The first line of standard error is the whole message: one line, starting "error:" or the file
   * name.
   */
  public CliOutcome assertOneLine() {
    assertFalse(err.strip().contains("\n"), err);
    return this;
  }
}
