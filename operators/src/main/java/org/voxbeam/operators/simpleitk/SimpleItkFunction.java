package org.voxbeam.operators.simpleitk;

import org.voxbeam.kernel.value.Value;

/**
 * What a procedure computes from a bound call. Implementations follow ITK's semantics for the
 * filter SimpleITK runs: output pixel type, spacing, boundary conditions, defaults.
 */
@FunctionalInterface
interface SimpleItkFunction {
  /**
   * @throws org.voxbeam.kernel.operator.OperatorException when the inputs are not acceptable, with
   *     the message SimpleITK would give where it gives one
   */
  Value apply(Call call);
}
