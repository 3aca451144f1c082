package org.voxbeam.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.voxbeam.api.peer.PeerSettings;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.execution.SchedulerOptions;

/**
 * How {@link VoxBeam#run(org.voxbeam.pipeline.plan.Plan, RunSettings)} executes a plan. Immutable;
 * the {@code with…} methods return changed copies, so one value can be shared by many runs.
 *
 * @param runner {@value #IN_PROCESS} for the in-process scheduler, or a Beam runner's name ({@code
 *     DirectRunner}, {@code FlinkRunner}, {@code SparkRunner})
 * @param threads worker threads; 0 for one per core
 * @param beamArguments options given to Beam untouched ({@code --name=value}); only with a Beam
 *     runner
 * @param operators the operators runs may use, when not the standard library (the HTTP server
 *     confines file operators to its data roots); in-process only, since Beam workers load the
 *     standard library themselves
 * @param progress receives the run's progress
 * @param limits how large the images the run reads may be (with the standard operators; custom
 *     operators bring their own)
 * @param cachePolicy which stored results the run may use ({@code --no-cache}, {@code --refresh})
 * @param runId the id to record the run under; a new one when empty
 * @param program the program the run record names; the plan's own source when empty
 * @param saves where {@code save} goals may be written
 * @param commitInterval how long a computed result may wait for its commit (in process): what a
 *     crash can lose, and how long an overlapping run waiting on a node may wait for it
 * @param peers the VoxBeam servers asked for a result before it is computed (in process only)
 * @param inputs which {@code s3://} and {@code hdfs://} inputs the run may read, and from which S3
 *     endpoint (in process only)
 */
public record RunSettings(
    String runner,
    int threads,
    List<String> beamArguments,
    Optional<OperatorRegistry> operators,
    ProgressListener progress,
    Limits limits,
    CachePolicy cachePolicy,
    Optional<String> runId,
    Optional<ProgramSource> program,
    SaveTargets saves,
    Duration commitInterval,
    PeerSettings peers,
    RemoteInputs inputs) {

  /** The runner name of the in-process scheduler. */
  public static final String IN_PROCESS = "in-process";

  public RunSettings {
    beamArguments = List.copyOf(beamArguments);
    if (threads < 0) {
      throw new InvalidInputException("threads must not be negative, got " + threads);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(cachePolicy, "cachePolicy");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(saves, "saves");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(inputs, "inputs");
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new InvalidInputException(
          "the commit interval must be positive, got " + commitInterval);
    }
  }

  /** The in-process scheduler, one thread per core, standard operators, no progress. */
  public static RunSettings inProcess() {
    return runner(IN_PROCESS, List.of());
  }

  /** {@code runner} ({@value #IN_PROCESS} or a Beam runner) with Beam's own options. */
  public static RunSettings runner(String runner, List<String> beamArguments) {
    return new RunSettings(
        runner,
        0,
        beamArguments,
        Optional.empty(),
        ProgressListener.NONE,
        Limits.DEFAULTS,
        CachePolicy.reuse(),
        Optional.empty(),
        Optional.empty(),
        SaveTargets.AS_NAMED,
        SchedulerOptions.DEFAULT_COMMIT_INTERVAL,
        PeerSettings.NONE,
        RemoteInputs.NONE);
  }

  public RunSettings withThreads(int count) {
    return new RunSettings(
        runner,
        count,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        runId,
        program,
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withOperators(OperatorRegistry registry) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        Optional.of(registry),
        progress,
        limits,
        cachePolicy,
        runId,
        program,
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withProgress(ProgressListener listener) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        listener,
        limits,
        cachePolicy,
        runId,
        program,
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withLimits(Limits value) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        value,
        cachePolicy,
        runId,
        program,
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withCachePolicy(CachePolicy policy) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        policy,
        runId,
        program,
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withRunId(String id) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        Optional.of(id),
        program,
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withProgram(ProgramSource source) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        runId,
        Optional.of(source),
        saves,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withSaves(SaveTargets targets) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        runId,
        program,
        targets,
        commitInterval,
        peers,
        inputs);
  }

  public RunSettings withCommitInterval(Duration interval) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        runId,
        program,
        saves,
        interval,
        peers,
        inputs);
  }

  public RunSettings withPeers(PeerSettings value) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        runId,
        program,
        saves,
        commitInterval,
        value,
        inputs);
  }

  public RunSettings withInputs(RemoteInputs value) {
    return new RunSettings(
        runner,
        threads,
        beamArguments,
        operators,
        progress,
        limits,
        cachePolicy,
        runId,
        program,
        saves,
        commitInterval,
        peers,
        value);
  }

  /** Whether the plan runs as a Beam pipeline. */
  public boolean onBeam() {
    return !runner.equals(IN_PROCESS);
  }
}
