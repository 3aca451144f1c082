package org.voxbeam.kernel.operator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.value.Value;

/**
 * What an operator is applied to: positional and named argument values, the node's attributes
 * (static parameters such as a fold's combiner), and where the evaluation records what it reads
 * outside the store ({@link ExternalReads}).
 */
public record Arguments(
    List<Value> positional, Map<String, Value> named, JsonObject attrs, ExternalReads reads) {
  public Arguments {
    positional = List.copyOf(positional);
    named = Map.copyOf(named);
    Objects.requireNonNull(attrs, "attrs");
    Objects.requireNonNull(reads, "reads");
  }

  /** Arguments of an evaluation that records no external reads. */
  public Arguments(List<Value> positional, Map<String, Value> named, JsonObject attrs) {
    this(positional, named, attrs, ExternalReads.NONE);
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
