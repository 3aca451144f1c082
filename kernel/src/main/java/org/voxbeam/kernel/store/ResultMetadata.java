package org.voxbeam.kernel.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known about how a result came to be: the operator that computed it, how long that
 * took, when it was stored, and by which engine version.
 */
public record ResultMetadata(
    String operator, Duration computeTime, Instant createdAt, String engineVersion) {
  public ResultMetadata {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(computeTime, "computeTime");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(engineVersion, "engineVersion");
  }
}
