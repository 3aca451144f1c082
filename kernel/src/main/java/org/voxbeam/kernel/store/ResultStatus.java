package org.voxbeam.kernel.store;

/** Whether a stored result is a value or a recorded failure. */
public enum ResultStatus {
  SUCCEEDED,
  FAILED
}
