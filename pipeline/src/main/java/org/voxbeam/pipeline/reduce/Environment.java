package org.voxbeam.pipeline.reduce;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable lexical environment: binding a name yields a new environment and leaves this one
 * untouched, so a function keeps seeing the names that existed where it was declared, as in
 * VoxLogicA-2 (a later redeclaration does not change an earlier function).
 */
final class Environment {
  static final Environment EMPTY = new Environment(Map.of());

  private final Map<String, Binding> bindings;

  private Environment(Map<String, Binding> bindings) {
    this.bindings = bindings;
  }

  Optional<Binding> find(String name) {
    return Optional.ofNullable(bindings.get(name));
  }

  boolean contains(String name) {
    return bindings.containsKey(name);
  }

  Environment bind(String name, Binding binding) {
    Map<String, Binding> extended = new HashMap<>(bindings);
    extended.put(name, binding);
    return new Environment(extended);
  }
}
