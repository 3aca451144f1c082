package org.voxbeam.pipeline.reduce;

import java.util.Objects;
import org.voxbeam.kernel.operator.Arity;

/**
 * One primitive VoxLogicA-2 knows: its namespace, bare name and accepted argument count. The
 * reducer needs only this much to name an operator the way VoxLogicA-2 names it and to reject a
 * call with the wrong number of arguments before anything runs.
 */
record PrimitiveSignature(String namespace, String name, Arity arity) {
  public PrimitiveSignature {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arity, "arity");
  }

  /** The operator name written into nodes, {@code namespace.name}. */
  public String qualifiedName() {
    return namespace + "." + name;
  }
}
