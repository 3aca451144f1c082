package org.voxbeam.kernel.operator;

/**
 * Whether an operator's result depends only on its inputs. Only pure results may be reused from the
 * store: an impure operator (reading a directory, say) must run again in every run.
 */
public enum Purity {
  PURE,
  IMPURE
}
