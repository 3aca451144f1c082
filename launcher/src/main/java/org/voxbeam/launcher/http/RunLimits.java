package org.voxbeam.launcher.http;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.api.Limits;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;

/**
 * The limits of a submitted run: the server's own, or lower ones the submission asks for in {@code
 * "limits": {"max_voxels": n, "max_decompressed_mb": n, "max_plan_nodes": n}}. A value above the
 * server's is refused rather than lowered in silence, so a client learns the limit.
 */
final class RunLimits {
  private static final String FIELD = "limits";
  private static final List<String> KEYS =
      List.of("max_voxels", "max_decompressed_mb", "max_plan_nodes");

  private RunLimits() {}

  static Limits read(JsonObject body, Limits server) {
    Optional<JsonValue> given = body.get(FIELD);
    if (given.isEmpty()) {
      return server;
    }
    if (!(given.get() instanceof JsonObject limits)) {
      throw invalid("\"limits\" must be an object");
    }
    for (String key : limits.members().keySet()) {
      if (!KEYS.contains(key)) {
        throw invalid("unknown limit \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
      }
    }
    Map<String, JsonValue> members = limits.members();
    long voxels = value(members, "max_voxels", server.maxVoxels(), 1);
    long bytes = value(members, "max_decompressed_mb", server.maxDecompressedBytes(), 1L << 20);
    long nodes = value(members, "max_plan_nodes", server.maxPlanNodes(), 1);
    return new Limits(voxels, bytes, nodes);
  }

  /** {@code key}'s value times {@code unit}, at least 1 unit and at most {@code ceiling}. */
  private static long value(Map<String, JsonValue> members, String key, long ceiling, long unit) {
    JsonValue value = members.get(key);
    if (value == null) {
      return ceiling;
    }
    if (!(value instanceof JsonInteger integer) || integer.value().signum() <= 0) {
      throw invalid(
          "\"limits." + key + "\" must be a positive integer, got " + CanonicalJson.write(value));
    }
    if (integer.value().compareTo(BigInteger.valueOf(ceiling / unit)) > 0) {
      throw invalid(
          "\"limits."
              + key
              + "\" is "
              + integer.value()
              + ", above this server's limit of "
              + ceiling / unit);
    }
    return integer.value().longValueExact() * unit;
  }

  private static ApiException invalid(String message) {
    return ApiException.badRequest("invalid_run", message);
  }
}
