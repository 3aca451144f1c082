package org.voxbeam.pipeline.lang;

/** {@code true} or {@code false}. */
public record BooleanLiteral(boolean value) implements Expression {

  @Override
  public String toSyntax() {
    return Boolean.toString(value);
  }
}
