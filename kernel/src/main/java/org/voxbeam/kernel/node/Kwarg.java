package org.voxbeam.kernel.node;

import java.util.Objects;

/** A named argument of a node: the name and the node that supplies its value. */
public record Kwarg(String name, NodeId value) implements Comparable<Kwarg> {
  public Kwarg {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int compareTo(Kwarg other) {
    int byName = name.compareTo(other.name);
    return byName != 0 ? byName : value.compareTo(other.value);
  }
}
