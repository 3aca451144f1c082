package org.voxbeam.kernel.operator;

import org.voxbeam.kernel.value.Value;

/**
 * What a primitive node computes. Implementations are stateless and thread-safe: the scheduler
 * applies one operator to many nodes at once.
 */
public interface Operator {
  OperatorName name();

  Arity arity();

  Purity purity();

  /** One line for {@code list-primitives}. */
  String description();

  /**
   * Whether VoxBeam runs this operator: false for an {@link UnavailableOperator}, registered only
   * so that programs naming it reduce to VoxLogicA-2's plan.
   */
  default boolean available() {
    return true;
  }

  /**
   * Computes the result.
   *
   * @throws OperatorException when the inputs are not acceptable or the computation fails; the
   *     engine records the message as the node's failure
   */
  Value apply(Arguments arguments);
}
