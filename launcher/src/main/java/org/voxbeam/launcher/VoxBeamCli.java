package org.voxbeam.launcher;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.launcher.config.Configuration;
import org.voxbeam.launcher.config.ConfigurationException;
import org.voxbeam.launcher.config.ConfiguredDefaults;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.plan.PlanException;
import org.voxbeam.pipeline.reduce.ReduceException;
import org.voxbeam.storage.StoreException;
import org.voxbeam.transforms.BeamRunException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code voxbeam} command line. Every failure the user can fix is reported as one clear line on
 * standard error with exit code {@link ExitCodes#BAD_INPUT}; stack traces go to the log, and to
 * standard error as well with {@code --debug}. Every command takes {@code --help}; {@code help CMD}
 * prints the same. An unknown command or option is named with the closest known one (see {@link
 * UsageErrors}); docs/api.md lists these conventions.
 *
 * <p>Without a command, the arguments are a Beam run: {@code voxbeam [--runner=R] [beam options]
 * PLAN} is {@code run} with the DirectRunner as the default runner, the job the engine exists for.
 * The {@code run} command keeps the in-process scheduler as its default.
 */
@Command(
    name = "voxbeam",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description =
        "Runs VoxLogicA-2 plans: content-addressed nodes, executed in parallel, results stored by id."
            + " Without a command: voxbeam [--runner=DirectRunner|FlinkRunner|SparkRunner] [Beam options] PLAN.")
public final class VoxBeamCli implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(VoxBeamCli.class);

  /**
   * The commands, in the order usage lists them. Picocli builds a command's model by reflecting
   * over its options, mixins and subcommands, and cannot keep its own (Java 5) classes in the
   * class-data archive: building every command's model cost a sixth of a warm run's Java time. So a
   * command line that names its command builds that command alone (see {@link #commandLine}).
   */
  private static final List<Class<?>> COMMANDS =
      List.of(
          RunCommand.class,
          ExportCommand.class,
          PlanCommand.class,
          ExplainCommand.class,
          ListPrimitivesCommand.class,
          StoreCommand.class,
          RunsCommand.class,
          GetCommand.class,
          ServeCommand.class,
          HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file (default: $VOXBEAM_CONFIG, else ~/.voxbeam/voxbeam.properties if present).")
  Path configFile;

  @CommandLine.Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "On an error, print its stack trace to standard error after the message.")
  boolean debug;

  public static void main(String[] args) {
    System.exit(execute(args, console(System.out), console(System.err)));
  }

  /**
   * A writer on a standard stream in the platform's charset, the one the terminal expects and the
   * stream itself uses for text, so that messages quoting non-ASCII paths read as they were typed.
   */
  private static PrintWriter console(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, System.getenv());
  }

  /**
   * Runs the command line with the given streams and environment and returns the exit code.
   * Configuration (file and environment) is read and checked before the command line is parsed.
   */
  public static int execute(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    Configuration configuration;
    try {
      configuration = Configuration.load(List.of(args), environment);
    } catch (ConfigurationException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    VoxBeamCli cli = new VoxBeamCli();
    CommandLine commandLine = commandLine(cli, args);
    commandLine.setDefaultValueProvider(new ConfiguredDefaults(configuration));
    String[] arguments = asBeamRunWhenNoCommand(commandLine, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new UsageErrors());
    commandLine.setExecutionStrategy(
        parsed -> {
          for (CommandLine.ParseResult command = parsed;
              command != null;
              command = command.subcommand()) {
            if (command.commandSpec().userObject() instanceof RunCommand) {
              PassThroughArguments.check(command);
            }
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    commandLine.setExecutionExceptionHandler(
        (exception, line, parsed) -> {
          PrintWriter errors = line.getErr();
          int code = exitCode(exception);
          if (code == ExitCodes.INTERNAL_ERROR) {
            LOG.debug("command failed", exception);
          }
          errors.println(errorLine(exception, code));
          if (cli.debug) {
            exception.printStackTrace(errors);
          }
          errors.flush();
          return code;
        });
    try {
      return commandLine.execute(arguments);
    } catch (LinkageError e) {
      LOG.debug("class loading failed", e);
      err.println(
          "error: internal error: " + e + " (a library in this jar is missing or incompatible)");
      if (cli.debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  /**
   * The command line of {@code cli}, with the one command {@code args} name after the top-level
   * options, or with every command when they name none (a plan, a mistake, {@code --help}) or name
   * {@code help}, which shows the others. Parsing, errors and usage are those of the whole tree:
   * the arguments reach no other command.
   */
  static CommandLine commandLine(VoxBeamCli cli, String[] args) {
    int first = firstAfterTopLevelOptions(args);
    String word = first < args.length ? args[first] : "";
    WarmUp.startFor(word);
    CommandLine commandLine = new CommandLine(cli);
    List<Class<?>> named =
        COMMANDS.stream()
            .filter(command -> !command.equals(HelpCommand.class))
            .filter(command -> command.getAnnotation(Command.class).name().equals(word))
            .toList();
    for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
      commandLine.addSubcommand(command);
    }
    return commandLine;
  }

  /**
   * The index of the first argument after the top-level {@code --config FILE} and {@code --debug}.
   */
  private static int firstAfterTopLevelOptions(String[] args) {
    int first = 0;
    while (first < args.length) {
      if (args[first].startsWith("--config=") || args[first].equals("--debug")) {
        first++;
      } else if (args[first].equals("--config") && first + 1 < args.length) {
        first += 2;
      } else {
        break;
      }
    }
    return first;
  }

  /** An I/O failure in one line: the file, if one is named, and the operating system's reason. */
  private static String ioFailure(Exception exception) {
    Throwable cause =
        exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
    String reason = StoreException.reason(cause);
    if (cause instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
      return "cannot access " + fs.getFile() + ": " + reason;
    }
    return reason;
  }

  private static int exitCode(Exception exception) {
    if ((exception instanceof StoreException store && store.environment())
        || exception instanceof UncheckedIOException
        || exception instanceof IOException) {
      return ExitCodes.INTERNAL_ERROR;
    }
    if (exception instanceof PlanException
        || exception instanceof ImgqlSyntaxException
        || exception instanceof ReduceException
        || exception instanceof InvalidInputException
        || exception instanceof StoreException
        || exception instanceof ConfigurationException) {
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.INTERNAL_ERROR;
  }

  /**
   * The one line that reports {@code exception}, with one {@code error:} prefix. A message that
   * carries its own, {@code FILE:LINE:COLUMN: error: …} (the compilers' form), is printed as is.
   */
  private static String errorLine(Exception exception, int code) {
    String message = exception.getMessage();
    if (exception instanceof StoreException store && store.environment()) {
      return "error: " + message;
    }
    if (exception instanceof UncheckedIOException || exception instanceof IOException) {
      return "error: " + ioFailure(exception);
    }
    if (exception instanceof BeamRunException || (code == ExitCodes.BAD_INPUT && message != null)) {
      String firstLine = message.lines().findFirst().orElse("");
      return firstLine.startsWith("error: ") || firstLine.contains(": error: ")
          ? message
          : "error: " + message;
    }
    return "error: internal error: " + exception;
  }

  /**
   * {@code PLAN …} without a command becomes {@code run} on the DirectRunner by default. A leading
   * {@code --config FILE} stays in front, where the top-level option belongs.
   */
  private static String[] asBeamRunWhenNoCommand(CommandLine commandLine, String[] args) {
    int first = firstAfterTopLevelOptions(args);
    if (first == args.length || !startsARun(commandLine, args[first])) {
      return args;
    }
    List<String> run = new ArrayList<>(Arrays.asList(args).subList(0, first));
    run.addAll(List.of("run", "--default-runner=DirectRunner"));
    run.addAll(Arrays.asList(args).subList(first, args.length));
    return run.toArray(new String[0]);
  }

  /**
   * Whether the first argument after the top-level options begins the Beam form: an argument file
   * ({@code @FILE}), a Beam-style {@code --name=value}, an option of {@code run}, or a plan (an
   * existing file, or a name that looks like one, so a missing plan is reported as missing).
   * Anything else is left to the parser, which names it as an unknown command or option.
   */
  private static boolean startsARun(CommandLine commandLine, String argument) {
    if (commandLine.getSubcommands().containsKey(argument)) {
      return false;
    }
    if (argument.startsWith("@") || (argument.startsWith("--") && argument.indexOf('=') > 2)) {
      return true;
    }
    if (argument.startsWith("-")) {
      return commandLine.getSubcommands().get("run").getCommandSpec().findOption(argument) != null
          && commandLine.getCommandSpec().findOption(argument) == null;
    }
    return isFile(argument)
        || argument.endsWith(".json")
        || argument.endsWith(".imgql")
        || argument.contains(File.separator);
  }

  private static boolean isFile(String argument) {
    try {
      return Files.exists(Path.of(argument));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required"
            + " (run, export, plan, explain, list-primitives, store, runs, get, serve, help)");
  }
}
