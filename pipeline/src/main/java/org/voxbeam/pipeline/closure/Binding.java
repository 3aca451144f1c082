package org.voxbeam.pipeline.closure;

/**
 * What a name in a closure body stands for: a value (the item, a captured value, a let-bound value)
 * or a user function the body may call.
 */
sealed interface Binding permits Binding.Bound, UserFunction {
  /** A name bound to a value. */
  record Bound(org.voxbeam.kernel.value.Value value) implements Binding {}
}
