package org.voxbeam.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import org.voxbeam.pipeline.beam.BeamRunException;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.plan.PlanException;
import org.voxbeam.pipeline.reduce.ReduceException;
import org.voxbeam.storage.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code voxbeam} command line. Every failure the user can fix is reported as one clear line
 * on standard error with exit code {@link ExitCodes#BAD_INPUT}; stack traces go to the log only.
 *
 * <p>Without a command, the arguments are a Beam run: {@code voxbeam [--runner=R] [beam options]
 * PLAN} is {@code run} with the DirectRunner as the default runner, the job the engine exists
 * for. The {@code run} command keeps the in-process scheduler as its default.
 */
@Command(
    name = "voxbeam",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs VoxLogicA-2 plans: content-addressed nodes, executed in parallel, results stored by id."
            + " Without a command: voxbeam [--runner=DirectRunner|FlinkRunner|SparkRunner] [Beam options] PLAN.",
    subcommands = {
      RunCommand.class,
      ExportCommand.class,
      PlanCommand.class,
      ExplainCommand.class,
      ListPrimitivesCommand.class,
      StoreCommand.class,
      RunsCommand.class,
      GetCommand.class,
      ServeCommand.class
    })
public final class VoxBeamCli implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(VoxBeamCli.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: $VOXBEAM_CONFIG, else ~/.voxbeam/voxbeam.properties if present).")
  Path configFile;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, System.getenv());
  }

  /**
   * Runs the command line with the given streams and environment and returns the exit code.
   * Configuration (file and environment) is read and checked before the command line is parsed.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    Configuration configuration;
    try {
      configuration = Configuration.load(List.of(args), environment);
    } catch (ConfigurationException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    CommandLine commandLine = new CommandLine(new VoxBeamCli());
    commandLine.setDefaultValueProvider(new ConfiguredDefaults(configuration));
    String[] arguments = asBeamRunWhenNoCommand(commandLine, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parsed) -> {
          if (exception instanceof BeamRunException) {
            LOG.debug("pipeline failed", exception);
            line.getErr().println("error: " + exception.getMessage());
            return ExitCodes.INTERNAL_ERROR;
          }
          if (exception instanceof StoreException store && store.environment()) {
            LOG.debug("store failed", exception);
            line.getErr().println("error: " + exception.getMessage());
            return ExitCodes.INTERNAL_ERROR;
          }
          if (exception instanceof UncheckedIOException || exception instanceof IOException) {
            LOG.debug("input/output failed", exception);
            line.getErr().println("error: " + ioFailure(exception));
            return ExitCodes.INTERNAL_ERROR;
          }
          if (exception instanceof PlanException
              || exception instanceof ImgqlSyntaxException
              || exception instanceof ReduceException
              || exception instanceof InvalidInputException
              || exception instanceof StoreException
              || exception instanceof ConfigurationException) {
            line.getErr().println("error: " + exception.getMessage());
            return ExitCodes.BAD_INPUT;
          }
          LOG.debug("command failed", exception);
          line.getErr().println("internal error: " + exception);
          return ExitCodes.INTERNAL_ERROR;
        });
    try {
      return commandLine.execute(arguments);
    } catch (LinkageError e) {
      LOG.debug("class loading failed", e);
      err.println("internal error: " + e + " (a library in this jar is missing or incompatible)");
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  /** An I/O failure in one line: the file, if one is named, and the operating system's reason. */
  private static String ioFailure(Exception exception) {
    Throwable cause = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
    String reason = StoreException.reason(cause);
    if (cause instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
      return "cannot access " + fs.getFile() + ": " + reason;
    }
    return reason;
  }

  /**
   * {@code PLAN …} without a command becomes {@code run} on the DirectRunner by default. A leading
   * {@code --config FILE} stays in front, where the top-level option belongs.
   */
  private static String[] asBeamRunWhenNoCommand(CommandLine commandLine, String[] args) {
    int first = 0;
    if (args.length > 0 && args[0].startsWith("--config=")) {
      first = 1;
    } else if (args.length > 1 && args[0].equals("--config")) {
      first = 2;
    }
    if (args.length == first
        || commandLine.getSubcommands().containsKey(args[first])
        || List.of("-h", "--help", "-V", "--version").contains(args[first])) {
      return args;
    }
    List<String> run = new ArrayList<>(Arrays.asList(args).subList(0, first));
    run.addAll(List.of("run", "--default-runner=DirectRunner"));
    run.addAll(Arrays.asList(args).subList(first, args.length));
    return run.toArray(new String[0]);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required"
            + " (run, export, plan, explain, list-primitives, store, runs, get, serve)");
  }
}
