package org.voxbeam.kernel.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record of named values (a nested record), in insertion order. */
public record MappingValue(Map<String, Value> entries) implements Value {
  public MappingValue {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Override
  public String voxType() {
    return "mapping";
  }
}
