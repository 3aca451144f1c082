package org.voxbeam.kernel.node;

/** What a node is: a literal, an operator application, or a closure over a body. */
public enum NodeKind {
  CONSTANT("constant"),
  PRIMITIVE("primitive"),
  CLOSURE("closure");

  private final String wireName;

  NodeKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name VoxLogicA-2 hashes ({@code "constant"}, {@code "primitive"}, {@code "closure"}). */
  public String wireName() {
    return wireName;
  }
}
