package org.voxbeam.kernel.operator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.value.Value;

/**
 * What an operator is applied to: positional and named argument values, and the node's
 * attributes (static parameters such as a fold's combiner).
 */
public record Arguments(List<Value> positional, Map<String, Value> named, JsonObject attrs) {
  public Arguments {
    positional = List.copyOf(positional);
    named = Map.copyOf(named);
  }

  /** Positional arguments only, no attributes. */
  public static Arguments of(List<Value> positional) {
    return new Arguments(positional, Map.of(), JsonObject.EMPTY);
  }

  public int size() {
    return positional.size();
  }

  public Value get(int index) {
    return positional.get(index);
  }

  public Optional<Value> named(String name) {
    return Optional.ofNullable(named.get(name));
  }
}
