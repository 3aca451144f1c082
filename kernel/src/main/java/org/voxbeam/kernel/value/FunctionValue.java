package org.voxbeam.kernel.value;

import java.util.List;

/**
 * A function a closure node evaluates to, applied by higher-order operators ({@code map},
 * {@code filter}, …). Function values exist only while a run needs them: they are rebuilt from
 * their node rather than stored.
 */
public non-sealed interface FunctionValue extends Value {
  /** How many arguments the function takes. */
  int arity();

  /**
   * Applies the function. Failures come back as {@link ErrorValue}s rather than exceptions, so a
   * higher-order operator can decide what a failing item means.
   */
  Value apply(List<Value> arguments);

  @Override
  default String voxType() {
    return "closure";
  }
}
