package org.voxbeam.kernel.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;

/**
 * The attributes of a closure node as VoxLogicA-2 writes them: a parameter, a body in ImgQL source
 * form, the names bound to the node's arguments, and the user functions the body calls.
 *
 * <p>The body stays text in the plan (and in the hash), so it is re-read when the closure is
 * applied; this record is the typed view of those attributes, checked once at import.
 *
 * @param parameter the name the item is bound to in the body
 * @param body the body, printed in ImgQL prefix form ({@code *(x,k)})
 * @param captureNames names bound, in order, to the node's positional arguments
 * @param functionCaptures user functions the body may call, by name
 */
public record ClosureSpec(
    String parameter,
    String body,
    List<String> captureNames,
    Map<String, FunctionSpec> functionCaptures) {

  public ClosureSpec {
    captureNames = List.copyOf(captureNames);
    functionCaptures = Map.copyOf(functionCaptures);
  }

  /**
   * A user function captured by a closure: its parameters, body, the values it closes over (by node
   * id) and the functions it calls in turn.
   */
  public record FunctionSpec(
      List<String> parameters,
      String body,
      Map<String, NodeId> captures,
      Map<String, FunctionSpec> functions) {
    public FunctionSpec {
      parameters = List.copyOf(parameters);
      captures = Map.copyOf(captures);
      functions = Map.copyOf(functions);
    }

    void collectInputs(List<NodeId> into) {
      into.addAll(captures.values());
      for (FunctionSpec nested : functions.values()) {
        nested.collectInputs(into);
      }
    }
  }

  /**
   * Reads closure attributes.
   *
   * @throws IllegalArgumentException naming the attribute that is missing or malformed
   */
  public static ClosureSpec from(JsonObject attrs) {
    String parameter = requireString(attrs, "parameter", "closure");
    String body = requireString(attrs, "body", "closure");
    List<String> captureNames = new ArrayList<>();
    for (JsonValue name : optionalArray(attrs, "capture_names", "closure")) {
      captureNames.add(asString(name, "capture_names", "closure"));
    }
    Map<String, FunctionSpec> functions =
        readFunctions(optionalObject(attrs, "function_captures", "closure"), "function_captures");
    return new ClosureSpec(parameter, body, captureNames, functions);
  }

  /** The nodes the captured functions close over, depth first, as VoxLogicA-2 orders them. */
  public List<NodeId> capturedFunctionInputs() {
    List<NodeId> inputs = new ArrayList<>();
    for (FunctionSpec function : functionCaptures.values()) {
      function.collectInputs(inputs);
    }
    return inputs;
  }

  private static Map<String, FunctionSpec> readFunctions(JsonObject object, String where) {
    Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
      String path = where + "." + entry.getKey();
      if (!(entry.getValue() instanceof JsonObject spec)) {
        throw new IllegalArgumentException("attribute " + path + " must be an object");
      }
      List<String> parameters = new ArrayList<>();
      for (JsonValue parameter : optionalArray(spec, "parameters", path)) {
        parameters.add(asString(parameter, "parameters", path));
      }
      Map<String, NodeId> captures = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> capture :
          optionalObject(spec, "captures", path).members().entrySet()) {
        String id = asString(capture.getValue(), "captures." + capture.getKey(), path);
        if (!NodeId.isValid(id)) {
          throw new IllegalArgumentException(
              "attribute " + path + ".captures." + capture.getKey() + " is not a node id: " + id);
        }
        captures.put(capture.getKey(), new NodeId(id));
      }
      Map<String, FunctionSpec> nested =
          readFunctions(optionalObject(spec, "functions", path), path + ".functions");
      functions.put(
          entry.getKey(),
          new FunctionSpec(parameters, requireString(spec, "body", path), captures, nested));
    }
    return functions;
  }

  private static String requireString(JsonObject object, String key, String where) {
    JsonValue value =
        object
            .get(key)
            .orElseThrow(
                () -> new IllegalArgumentException(where + " attribute '" + key + "' is missing"));
    return asString(value, key, where);
  }

  private static String asString(JsonValue value, String key, String where) {
    if (value instanceof JsonString s) {
      return s.value();
    }
    throw new IllegalArgumentException(where + " attribute '" + key + "' must be a string");
  }

  private static List<JsonValue> optionalArray(JsonObject object, String key, String where) {
    JsonValue value = object.get(key).orElse(JsonArray.EMPTY);
    if (value instanceof JsonArray array) {
      return array.items();
    }
    throw new IllegalArgumentException(where + " attribute '" + key + "' must be an array");
  }

  private static JsonObject optionalObject(JsonObject object, String key, String where) {
    JsonValue value = object.get(key).orElse(JsonObject.EMPTY);
    if (value instanceof JsonObject nested) {
      return nested;
    }
    throw new IllegalArgumentException(where + " attribute '" + key + "' must be an object");
  }
}
