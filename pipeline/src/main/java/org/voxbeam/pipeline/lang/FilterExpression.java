package org.voxbeam.pipeline.lang;

/** {@code filter variable in iterable do predicate}: the items whose predicate is truthy. */
public record FilterExpression(
    SourcePosition position, String variable, Expression iterable, Expression predicate)
    implements Expression {

  @Override
  public String toSyntax() {
    return "filter " + variable + " in " + iterable.toSyntax() + " do " + predicate.toSyntax();
  }
}
