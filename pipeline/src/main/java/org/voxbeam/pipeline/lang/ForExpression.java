package org.voxbeam.pipeline.lang;

/** {@code for variable in iterable do body}: the body evaluated once per item, in order. */
public record ForExpression(
    SourcePosition position, String variable, Expression iterable, Expression body)
    implements Expression {

  @Override
  public String toSyntax() {
    return "for " + variable + " in " + iterable.toSyntax() + " do " + body.toSyntax();
  }
}
