package org.voxbeam.launcher;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.voxbeam.api.RunSettings;
import org.voxbeam.transforms.VoxBeamOptions;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks the arguments {@code run} did not recognise before they reach Beam. Only a Beam runner
 * takes them, and only written {@code --name=value}, each name once unless the option holds a list
 * (Beam's own message for a repeated option names no option). Anything else is a mistyped option or
 * a stray word, reported by name with the closest VoxBeam option, so it is never read as a file or
 * handed to Beam.
 */
final class PassThroughArguments {
  private PassThroughArguments() {}

  /**
   * Beam options that take several values, and so may be repeated ({@code --mapPath}, {@code
   * --experiments}). Found on first use: listing Beam's registered options loads Beam and Jackson,
   * a second of start-up that a run without Beam options must not pay.
   */
  private static final class ListValued {
    static final Set<String> NAMES = listValuedOptions();

    private ListValued() {}

    private static Set<String> listValuedOptions() {
      Set<Class<? extends PipelineOptions>> interfaces =
          new HashSet<>(PipelineOptionsFactory.getRegisteredOptions());
      interfaces.add(VoxBeamOptions.class);
      Set<String> names = new HashSet<>();
      for (Class<? extends PipelineOptions> options : interfaces) {
        for (Method method : options.getMethods()) {
          Class<?> type = method.getReturnType();
          if (method.getName().startsWith("get")
              && method.getName().length() > 3
              && method.getParameterCount() == 0
              && (type.isArray() || Collection.class.isAssignableFrom(type))) {
            names.add(
                Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
          }
        }
      }
      return Set.copyOf(names);
    }
  }

  /**
   * Throws a {@link ParameterException} naming the first argument of {@code parsed} that cannot
   * pass.
   */
  static void check(ParseResult parsed) {
    CommandLine line = parsed.commandSpec().commandLine();
    List<String> unmatched = parsed.unmatched();
    if (unmatched.isEmpty()) {
      return;
    }
    String runner =
        parsed.matchedOptionValue(
            "--runner", parsed.matchedOptionValue("--default-runner", RunSettings.IN_PROCESS));
    boolean beam = !RunSettings.IN_PROCESS.equals(runner);
    Map<String, String> seen = new HashMap<>();
    for (String argument : unmatched) {
      int equals = argument.indexOf('=');
      if (!beam || !argument.startsWith("--") || equals < 0) {
        String problem = UsageErrors.unknown(parsed.commandSpec(), argument);
        if (!beam && argument.startsWith("--") && equals > 0 && !problem.contains("did you mean")) {
          problem +=
              " (options VoxBeam does not know go to Beam, with --runner=DirectRunner or another Beam runner)";
        }
        throw new ParameterException(line, problem);
      }
      String name = argument.substring(0, equals);
      String value = argument.substring(equals + 1);
      String earlier = seen.putIfAbsent(name, value);
      if (earlier != null && !ListValued.NAMES.contains(name.substring(2))) {
        throw new ParameterException(
            line,
            "option '" + name + "' was given more than once (" + earlier + " and " + value + ")");
      }
    }
  }
}
