package org.voxbeam.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.api.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks the arguments {@code run} did not recognise before they reach Beam. Only a Beam runner
 * takes them, and only written {@code --name=value}, each name once (a list-valued Beam option
 * takes its values comma-separated). Anything else is a mistyped option or a stray word, reported
 * by name with the closest VoxBeam option, so it is never read as a file or handed to Beam.
 */
final class PassThroughArguments {
  private PassThroughArguments() {}

  /** Throws a {@link ParameterException} naming the first argument of {@code parsed} that cannot pass. */
  static void check(ParseResult parsed) {
    CommandLine line = parsed.commandSpec().commandLine();
    List<String> unmatched = parsed.unmatched();
    if (unmatched.isEmpty()) {
      return;
    }
    String runner = parsed.matchedOptionValue("--runner", parsed.matchedOptionValue("--default-runner", RunSettings.IN_PROCESS));
    boolean beam = !RunSettings.IN_PROCESS.equals(runner);
    Map<String, String> seen = new HashMap<>();
    for (String argument : unmatched) {
      int equals = argument.indexOf('=');
      if (!beam || !argument.startsWith("--") || equals < 0) {
        String problem = UsageErrors.unknown(parsed.commandSpec(), argument);
        if (!beam && argument.startsWith("--") && equals > 0 && !problem.contains("did you mean")) {
          problem += " (options VoxBeam does not know go to Beam, with --runner=DirectRunner or another Beam runner)";
        }
        throw new ParameterException(line, problem);
      }
      String name = argument.substring(0, equals);
      String value = argument.substring(equals + 1);
      String earlier = seen.putIfAbsent(name, value);
      if (earlier != null) {
        throw new ParameterException(
            line, "option '" + name + "' was given more than once (" + earlier + " and " + value + ")");
      }
    }
  }
}
