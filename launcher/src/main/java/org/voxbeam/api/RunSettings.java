package org.voxbeam.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.voxbeam.kernel.operator.OperatorRegistry;

/**
 * How {@link VoxBeam#run(org.voxbeam.pipeline.plan.Plan, RunSettings)} executes a plan. Immutable;
 * the {@code with…} methods return changed copies, so one value can be shared by many runs.
 *
 * @param runner {@value #IN_PROCESS} for the in-process scheduler, or a Beam runner's name
 *     ({@code DirectRunner}, {@code FlinkRunner}, {@code SparkRunner})
 * @param threads worker threads; 0 for one per core
 * @param beamArguments options given to Beam untouched ({@code --name=value}); only with a Beam runner
 * @param operators the operators runs may use, when not the standard library (the HTTP server
 *     confines file operators to its data roots); in-process only, since Beam workers load the
 *     standard library themselves
 * @param progress receives the run's progress
 * @param limits how large the images the run reads may be (with the standard operators; custom
 *     operators bring their own)
 */
public record RunSettings(
    String runner,
    int threads,
    List<String> beamArguments,
    Optional<OperatorRegistry> operators,
    ProgressListener progress,
    Limits limits) {

  /** The runner name of the in-process scheduler. */
  public static final String IN_PROCESS = "in-process";

  public RunSettings {
    beamArguments = List.copyOf(beamArguments);
    Objects.requireNonNull(limits, "limits");
    if (threads < 0) {
      throw new InvalidInputException("threads must not be negative, got " + threads);
    }
  }

  /** The in-process scheduler, one thread per core, standard operators, no progress. */
  public static RunSettings inProcess() {
    return runner(IN_PROCESS, List.of());
  }

  /** {@code runner} ({@value #IN_PROCESS} or a Beam runner) with Beam's own options. */
  public static RunSettings runner(String runner, List<String> beamArguments) {
    return new RunSettings(
        runner, 0, beamArguments, Optional.empty(), ProgressListener.NONE, Limits.DEFAULTS);
  }

  public RunSettings withThreads(int count) {
    return new RunSettings(runner, count, beamArguments, operators, progress, limits);
  }

  public RunSettings withOperators(OperatorRegistry registry) {
    return new RunSettings(runner, threads, beamArguments, Optional.of(registry), progress, limits);
  }

  public RunSettings withProgress(ProgressListener listener) {
    return new RunSettings(runner, threads, beamArguments, operators, listener, limits);
  }

  public RunSettings withLimits(Limits value) {
    return new RunSettings(runner, threads, beamArguments, operators, progress, value);
  }

  /** Whether the plan runs as a Beam pipeline. */
  public boolean onBeam() {
    return !runner.equals(IN_PROCESS);
  }
}
