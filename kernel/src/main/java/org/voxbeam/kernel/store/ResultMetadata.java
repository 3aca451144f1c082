package org.voxbeam.kernel.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about how a result came to be: the operator that computed it, how long that took,
 * when it was stored, by which engine version and which run, and what it read outside the store
 * (directly or through its inputs), which decides whether it may be reused.
 *
 * @param runId the run that computed the result; empty when not told (results written by format
 *     version 1, or by callers outside a run)
 * @param inputs the files, listings and items the result depends on
 */
public record ResultMetadata(
    String operator,
    Duration computeTime,
    Instant createdAt,
    String engineVersion,
    Optional<String> runId,
    RecordedInputs inputs) {
  /** The engine version this build records in the rows and run records it writes. */
  public static final String CURRENT_ENGINE_VERSION = "voxbeam-0.1";

  public ResultMetadata {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(computeTime, "computeTime");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(inputs, "inputs");
  }

  /** Metadata of a result that read nothing outside the store, outside any run. */
  public ResultMetadata(
      String operator, Duration computeTime, Instant createdAt, String engineVersion) {
    this(operator, computeTime, createdAt, engineVersion, Optional.empty(), RecordedInputs.NONE);
  }

  public ResultMetadata withInputs(RecordedInputs recorded) {
    return new ResultMetadata(operator, computeTime, createdAt, engineVersion, runId, recorded);
  }
}
