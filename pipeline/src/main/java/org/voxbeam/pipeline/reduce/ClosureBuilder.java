package org.voxbeam.pipeline.reduce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.lang.Expression;

/**
 * Builds closure nodes the way VoxLogicA-2 does: the body stays ImgQL text, the free names bound to
 * values become the node's arguments ({@code capture_names}), and the free names bound to user
 * functions are serialized with their own captures ({@code function_captures}) so the body can be
 * evaluated per item at run time, on any machine, from the plan alone.
 */
final class ClosureBuilder {
  /**
   * Most user functions one closure may carry, counting nested captures. A function is written out
   * once per path that reaches it, so functions referring to two others each would make the closure
   * exponentially large; real closures carry a few library functions.
   */
  static final int MAX_FUNCTIONS = 1_000;

  private static final String CLOSURE_KIND = "closure";

  /** A closure that would carry more than {@link #MAX_FUNCTIONS} functions. */
  static final class TooManyFunctions extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyFunctions() {
      super(null, null, false, false);
    }
  }

  private ClosureBuilder() {}

  /**
   * The closure node of {@code body} over {@code parameter} in {@code environment}.
   *
   * @throws TooManyFunctions if it would carry more than {@link #MAX_FUNCTIONS} functions
   */
  static VoxNode closure(String parameter, Expression body, Environment environment) {
    int[] budget = {MAX_FUNCTIONS};
    Set<String> free = FreeVariables.of(body);
    free.remove(parameter);
    List<JsonValue> captureNames = new ArrayList<>();
    List<NodeId> captureIds = new ArrayList<>();
    Map<String, JsonValue> functions = new LinkedHashMap<>();
    for (String name : free) {
      Optional<Binding> binding = environment.find(name);
      if (binding.isEmpty()) {
        continue;
      }
      if (binding.get() instanceof Binding.Value value) {
        captureNames.add(JsonValue.of(name));
        captureIds.add(value.id());
      } else if (binding.get() instanceof Binding.Function function) {
        functions.put(name, serialize(name, function, Set.of(), budget));
      }
    }
    Map<String, JsonValue> attrs = new LinkedHashMap<>();
    attrs.put("parameter", JsonValue.of(parameter));
    attrs.put("body", JsonValue.of(body.toSyntax()));
    attrs.put("capture_names", new JsonArray(captureNames));
    attrs.put("function_captures", new JsonObject(functions));
    return VoxNode.of(
        NodeKind.CLOSURE,
        VoxNode.CLOSURE_OPERATOR,
        captureIds,
        List.of(),
        new JsonObject(attrs),
        CLOSURE_KIND);
  }

  /**
   * A captured function: parameters, body, and what its body refers to. A function already being
   * serialized further out is written without captures, which ends the recursion where VoxLogicA-2
   * ends it.
   */
  private static JsonObject serialize(
      String name, Binding.Function function, Set<String> seen, int[] budget) {
    if (--budget[0] < 0) {
      throw new TooManyFunctions();
    }
    Map<String, JsonValue> captures = new LinkedHashMap<>();
    Map<String, JsonValue> nested = new LinkedHashMap<>();
    if (!seen.contains(name)) {
      Set<String> innerSeen = new HashSet<>(seen);
      innerSeen.add(name);
      Set<String> free = FreeVariables.of(function.body());
      function.parameters().forEach(free::remove);
      for (String reference : free) {
        Optional<Binding> binding = function.environment().find(reference);
        if (binding.isEmpty()) {
          continue;
        }
        if (binding.get() instanceof Binding.Value value) {
          captures.put(reference, JsonValue.of(value.id().hex()));
        } else if (binding.get() instanceof Binding.Function inner) {
          nested.put(reference, serialize(reference, inner, innerSeen, budget));
        }
      }
    }
    List<JsonValue> parameters = new ArrayList<>();
    function.parameters().forEach(parameter -> parameters.add(JsonValue.of(parameter)));
    Map<String, JsonValue> spec = new LinkedHashMap<>();
    spec.put("parameters", new JsonArray(parameters));
    spec.put("body", JsonValue.of(function.body().toSyntax()));
    spec.put("captures", new JsonObject(captures));
    spec.put("functions", new JsonObject(nested));
    return new JsonObject(spec);
  }
}
