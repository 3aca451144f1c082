package org.voxbeam.launcher.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every setting the configuration file and the environment may give, with the command-line option
 * it stands in for and the environment variable that overrides the file. Precedence is command
 * line, then environment, then file, then the option's built-in default.
 */
enum ConfigKey {
  STORE_PATH("store.path", "VOXBEAM_STORE", "--store", ValueKind.TEXT),
  STORE_ENDPOINT("store.endpoint", "VOXBEAM_STORE_ENDPOINT", "--store-endpoint", ValueKind.TEXT),
  STORE_WORK_DIR("store.work-dir", "VOXBEAM_STORE_WORK_DIR", "--store-work-dir", ValueKind.TEXT),
  INPUT_ROOTS("inputs.roots", "VOXBEAM_INPUT_ROOTS", "--input-root", ValueKind.TEXT),
  INPUT_ENDPOINT("inputs.endpoint", "VOXBEAM_INPUT_ENDPOINT", "--input-endpoint", ValueKind.TEXT),
  STORE_CACHE_MB(
      "store.cache-mb", "VOXBEAM_CACHE_MB", "--cache-mb", ValueKind.NON_NEGATIVE_INTEGER),
  EVICTION_MAX_AGE(
      "store.eviction.max-age", "VOXBEAM_EVICTION_MAX_AGE", "--max-age", ValueKind.DURATION),
  EVICTION_MAX_SIZE(
      "store.eviction.max-size", "VOXBEAM_EVICTION_MAX_SIZE", "--max-size", ValueKind.SIZE),
  EVICTION_BY("store.eviction.by", "VOXBEAM_EVICTION_BY", "--by", ValueKind.AGE_BASIS),
  RUN_THREADS("run.threads", "VOXBEAM_THREADS", "--threads", ValueKind.POSITIVE_INTEGER),
  RUN_COMMIT_INTERVAL(
      "run.commit-interval", "VOXBEAM_COMMIT_INTERVAL", "--commit-interval", ValueKind.DURATION),
  SERVER_HOST("server.host", "VOXBEAM_HOST", "--host", ValueKind.TEXT),
  SERVER_PORT("server.port", "VOXBEAM_PORT", "--port", ValueKind.PORT),
  SERVER_TOKEN("server.token", "VOXBEAM_TOKEN", "--token", ValueKind.TEXT),
  SERVER_DATA_ROOTS("server.data-roots", "VOXBEAM_DATA_ROOTS", "--data-root", ValueKind.TEXT),
  PEER_URLS("peer.urls", "VOXBEAM_PEERS", "--peer", ValueKind.TEXT),
  PEER_TOKEN("peer.token", "VOXBEAM_PEER_TOKEN", "--peer-token", ValueKind.TEXT),
  PEER_TIMEOUT("peer.timeout", "VOXBEAM_PEER_TIMEOUT", "--peer-timeout", ValueKind.DURATION),
  SERVER_MAX_BODY_KB(
      "server.max-body-kb", "VOXBEAM_MAX_BODY_KB", "--max-body-kb", ValueKind.POSITIVE_INTEGER),
  LIMITS_MAX_VOXELS(
      "limits.max-voxels", "VOXBEAM_MAX_VOXELS", "--max-voxels", ValueKind.POSITIVE_INTEGER),
  LIMITS_MAX_DECOMPRESSED_MB(
      "limits.max-decompressed-mb",
      "VOXBEAM_MAX_DECOMPRESSED_MB",
      "--max-decompressed-mb",
      ValueKind.POSITIVE_INTEGER),
  LIMITS_MAX_PLAN_NODES(
      "limits.max-plan-nodes",
      "VOXBEAM_MAX_PLAN_NODES",
      "--max-plan-nodes",
      ValueKind.POSITIVE_INTEGER);

  /** Keys under this prefix are Beam pipeline options, passed to the runner untouched. */
  public static final String RUNNER_PREFIX = "runner.";

  private final String key;
  private final String environmentVariable;
  private final String option;
  private final ValueKind kind;

  ConfigKey(String key, String environmentVariable, String option, ValueKind kind) {
    this.key = key;
    this.environmentVariable = environmentVariable;
    this.option = option;
    this.kind = kind;
  }

  public String key() {
    return key;
  }

  public String environmentVariable() {
    return environmentVariable;
  }

  /** The command-line option this key gives a default for. */
  public String option() {
    return option;
  }

  ValueKind kind() {
    return kind;
  }

  public static Optional<ConfigKey> forKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  public static Optional<ConfigKey> forOption(String option) {
    return Arrays.stream(values()).filter(k -> k.option.equals(option)).findFirst();
  }

  /** The known keys, for messages. */
  static List<String> keys() {
    return Arrays.stream(values()).map(ConfigKey::key).toList();
  }
}
