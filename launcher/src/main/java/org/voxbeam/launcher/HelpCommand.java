package org.voxbeam.launcher;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voxbeam help [CMD…]}: the usage of the named command, the same text as {@code voxbeam CMD…
 * --help}; nested names reach subcommands ({@code help store gc}). Picocli's own help command takes
 * one name only.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the usage of a command: help [COMMAND...], the same as COMMAND... --help.")
final class HelpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "A command, and its subcommands.")
  List<String> commands = new ArrayList<>();

  @Override
  public void run() {
    CommandLine shown = spec.commandLine().getParent();
    for (String name : commands) {
      CommandLine next = shown.getSubcommands().get(name);
      if (next == null) {
        throw new ParameterException(shown, UsageErrors.unknown(shown.getCommandSpec(), name));
      }
      shown = next;
    }
    shown.usage(spec.commandLine().getOut());
  }
}
