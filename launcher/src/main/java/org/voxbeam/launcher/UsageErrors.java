package org.voxbeam.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line picocli could not parse as one line: {@code error:}, what was wrong
 * (naming the unknown command or option and the closest known one, or the option given twice), and
 * where the usage is, instead of the usage itself. Exit code {@link ExitCodes#BAD_INPUT}.
 */
final class UsageErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine line = exception.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(
        "error: "
            + describe(exception)
            + "; see '"
            + line.getCommandSpec().qualifiedName()
            + " --help'");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  private static String describe(ParameterException exception) {
    if (exception instanceof OverwrittenOptionException overwritten
        && overwritten.getOverwritten() instanceof OptionSpec option) {
      return "option '" + option.longestName() + "' was given more than once";
    }
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      return unknown(exception.getCommandLine().getCommandSpec(), unmatched.getUnmatched().get(0));
    }
    String message = exception.getMessage();
    boolean sentence =
        message.length() > 1
            && Character.isUpperCase(message.charAt(0))
            && Character.isLowerCase(message.charAt(1));
    return sentence ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
  }

  /** What an argument no command or option claimed is, with the closest known name. */
  static String unknown(CommandSpec command, String argument) {
    if (argument.startsWith("-")) {
      String name =
          argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      return "unknown option '" + name + "'" + hint(ClosestName.among(name, optionNames(command)));
    }
    if (!command.subcommands().isEmpty()) {
      return "unknown command '"
          + argument
          + "'"
          + hint(ClosestName.among(argument, command.subcommands().keySet()));
    }
    return "unexpected argument '" + argument + "'";
  }

  private static String hint(Optional<String> closest) {
    return closest.map(name -> " (did you mean '" + name + "'?)").orElse("");
  }

  /**
   * The options a user may give here. At the top level these include the options of {@code run},
   * since {@code voxbeam [options] PLAN} is a run.
   */
  private static List<String> optionNames(CommandSpec command) {
    List<String> names = new ArrayList<>();
    List<CommandSpec> specs = new ArrayList<>(List.of(command));
    if (command.parent() == null && command.subcommands().containsKey("run")) {
      specs.add(command.subcommands().get("run").getCommandSpec());
    }
    for (CommandSpec spec : specs) {
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          names.addAll(List.of(option.names()));
        }
      }
    }
    return names;
  }
}
