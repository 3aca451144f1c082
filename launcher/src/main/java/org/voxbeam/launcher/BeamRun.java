package org.voxbeam.launcher;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.voxbeam.pipeline.beam.BeamPlanRunner;
import org.voxbeam.pipeline.beam.VoxBeamOptions;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.storage.StoreException;

/**
 * Runs a plan as a Beam pipeline for {@code run --runner=…}: the runner's own options are passed
 * to Beam untouched, the launcher's store, thread and cache flags become the matching
 * {@link VoxBeamOptions} unless the user set those directly.
 */
final class BeamRun {
  private final String runner;
  private final List<String> beamArguments;

  BeamRun(String runner, List<String> beamArguments) {
    this.runner = runner;
    this.beamArguments = List.copyOf(beamArguments);
  }

  RunResult run(Plan plan, StoreLocation store, Integer threads) {
    if (store.inMemory) {
      throw new UserInputException(
          "--in-memory works only without --runner: Beam stages exchange results through a store directory");
    }
    VoxBeamOptions options = options(store, threads);
    try (BeamPlanRunner beam = BeamPlanRunner.open(options)) {
      return beam.run(plan);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    } catch (StoreException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private VoxBeamOptions options(StoreLocation store, Integer threads) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--runner=" + runner);
    arguments.addAll(beamArguments);
    addUnlessGiven(arguments, "store", store.directory().toString());
    addUnlessGiven(arguments, "cacheMb", Long.toString(store.cacheMegabytes));
    if (threads != null) {
      addUnlessGiven(arguments, "threads", threads.toString());
    }
    VoxBeamOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(arguments.toArray(new String[0])).withValidation().as(VoxBeamOptions.class);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(runnerHint(e.getMessage()));
    }
    if (options.getRunner() == DirectRunner.class) {
      relaxDirectRunnerChecks(options.as(DirectOptions.class));
    }
    return options;
  }

  /**
   * Tasks and summaries are immutable records, so the DirectRunner's defensive immutability and
   * encodability checks only cost time, unless the user asks for them.
   */
  private void relaxDirectRunnerChecks(DirectOptions direct) {
    if (!given("enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given("enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  private void addUnlessGiven(List<String> arguments, String name, String value) {
    if (!given(name)) {
      arguments.add("--" + name + "=" + value);
    }
  }

  private boolean given(String name) {
    return beamArguments.stream().anyMatch(argument -> argument.equals("--" + name) || argument.startsWith("--" + name + "="));
  }

  private static String runnerHint(String message) {
    if (message != null && message.contains("Unknown 'runner'")) {
      return message + " (FlinkRunner and SparkRunner are in the jar built with -Pflink or -Pspark)";
    }
    return message;
  }
}
