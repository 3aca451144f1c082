package org.voxbeam.kernel.operator;

import java.util.Objects;
import org.voxbeam.kernel.value.Value;

/**
 * A primitive VoxLogicA-2 declares that VoxBeam does not run (yet). It is registered like any other
 * operator, so a program naming it reduces to VoxLogicA-2's plan and node ids, and the node fails
 * when it is reached, with {@code reason} as its error, while independent goals complete. {@code
 * list-primitives} leaves these out.
 */
public record UnavailableOperator(OperatorName name, Arity arity, String reason)
    implements Operator {

  public UnavailableOperator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arity, "arity");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public Purity purity() {
    return Purity.PURE;
  }

  @Override
  public String description() {
    return reason;
  }

  @Override
  public boolean available() {
    return false;
  }

  @Override
  public Value apply(Arguments arguments) {
    throw new OperatorException(name + ": " + reason);
  }
}
