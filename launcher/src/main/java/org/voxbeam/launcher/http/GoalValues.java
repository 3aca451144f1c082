package org.voxbeam.launcher.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunResultJson;
import org.voxbeam.pipeline.execution.ValueJson;

/**
 * The goals of a finished run in its HTTP status, with large values by reference: a client polls
 * the status, and a 200,000-item sequence inline made every poll megabytes. A goal whose value is a
 * sequence of more than {@value #MAX_INLINE_ITEMS} items, or whose JSON is over {@value
 * #MAX_INLINE_BYTES} bytes, has no {@code value} but {@code value_ref} (the result's path, whose
 * {@code /items} pages the sequence and {@code /content} downloads binary content), {@code
 * node_id}, {@code kind} (its VoxLogicA type) and, for a sequence, {@code length}. Smaller values
 * stay inline, as {@code run --json} prints them.
 */
final class GoalValues {
  static final int MAX_INLINE_ITEMS = 1000;
  static final int MAX_INLINE_BYTES = 64 * 1024;

  private GoalValues() {}

  static JsonArray of(RunResult result) {
    JsonArray inline = RunResultJson.goals(result, GoalValues::small);
    List<JsonValue> goals = new ArrayList<>(inline.items().size());
    for (int i = 0; i < result.goals().size(); i++) {
      JsonObject goal = (JsonObject) inline.items().get(i);
      GoalResult of = result.goals().get(i);
      goals.add(goal.get("value").isPresent() || of.failed() ? goal : byReference(goal, of));
    }
    return new JsonArray(goals);
  }

  /** Whether {@code value} is small enough to send inline. */
  private static boolean small(Value value) {
    if (value instanceof SequenceValue sequence && sequence.size() > MAX_INLINE_ITEMS) {
      return false;
    }
    byte[] json = CanonicalJson.write(ValueJson.toJson(value)).getBytes(StandardCharsets.UTF_8);
    return json.length <= MAX_INLINE_BYTES;
  }

  private static JsonObject byReference(JsonObject goal, GoalResult of) {
    Map<String, JsonValue> fields = new LinkedHashMap<>(goal.members());
    String id = of.goal().id().hex();
    fields.put("value_ref", JsonValue.of(ApiServer.PREFIX + "/results/" + id));
    fields.put("node_id", JsonValue.of(id));
    fields.put("kind", JsonValue.of(of.value().voxType()));
    if (of.value() instanceof SequenceValue sequence) {
      fields.put("length", JsonValue.of(sequence.size()));
    }
    return new JsonObject(fields);
  }
}
