package org.voxbeam.pipeline.lang;

/** {@code let variable = value in body}: a local binding. */
public record LetExpression(
    SourcePosition position, String variable, Expression value, Expression body)
    implements Expression {

  @Override
  public String toSyntax() {
    return "let " + variable + " = " + value.toSyntax() + " in " + body.toSyntax();
  }
}
