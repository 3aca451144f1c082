package org.voxbeam.pipeline.plan;

/**
 * What to do with a node whose claimed id differs from the hash of its content. Rejecting is the
 * default because a wrong id poisons a shared store: the result would be filed under a name that
 * another program computes differently.
 */
public enum IdMismatchPolicy {
  REJECT,
  WARN
}
