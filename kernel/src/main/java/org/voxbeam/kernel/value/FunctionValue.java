package org.voxbeam.kernel.value;

import java.util.List;
import org.voxbeam.kernel.io.ExternalReads;

/**
 * A function a closure node evaluates to, applied by higher-order operators ({@code map}, {@code
 * filter}, …). Function values exist only while a run needs them: they are rebuilt from their node
 * rather than stored.
 */
public non-sealed interface FunctionValue extends Value {
  /** How many arguments the function takes. */
  int arity();

  /**
   * Applies the function. Failures come back as {@link ErrorValue}s rather than exceptions, so a
   * higher-order operator can decide what a failing item means.
   */
  Value apply(List<Value> arguments);

  /**
   * Applies the function, recording what its body reads outside the store into {@code reads} (the
   * reads of the node that applies it). Functions that read nothing need not override it.
   */
  default Value apply(List<Value> arguments, ExternalReads reads) {
    return apply(arguments);
  }

  @Override
  default String voxType() {
    return "closure";
  }
}
