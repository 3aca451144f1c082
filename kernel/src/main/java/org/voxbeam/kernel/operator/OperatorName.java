package org.voxbeam.kernel.operator;

import java.util.Objects;

/** A namespaced operator name, written {@code namespace.name} ({@code vox1.+}). */
public record OperatorName(String namespace, String name) {
  public OperatorName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isEmpty() || name.isEmpty() || namespace.contains(".")) {
      throw new IllegalArgumentException("bad operator name " + namespace + "." + name);
    }
  }

  public String qualified() {
    return namespace + "." + name;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
