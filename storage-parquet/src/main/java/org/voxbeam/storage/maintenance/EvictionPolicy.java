package org.voxbeam.storage.maintenance;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which results to evict: those older than {@code maxAge} (counted from creation, or from the last
 * access when that is later), then, oldest first, as many as it takes to bring the store under
 * {@code maxBytes}.
 */
public record EvictionPolicy(Optional<Duration> maxAge, Basis basis, OptionalLong maxBytes) {
  /** What a result's age is counted from. */
  public enum Basis {
    CREATED,
    LAST_ACCESS
  }

  public EvictionPolicy {
    maxAge.ifPresent(
        age -> {
          if (age.isNegative()) {
            throw new IllegalArgumentException("max age must not be negative");
          }
        });
    maxBytes.ifPresent(
        bytes -> {
          if (bytes < 0) {
            throw new IllegalArgumentException("max bytes must not be negative");
          }
        });
  }
}
