package org.voxbeam.pipeline.lang;

import java.util.List;
import java.util.stream.Collectors;

/** {@code [a, b, c]}: a sequence built from its items. */
public record ArrayLiteral(List<Expression> items) implements Expression {

  public ArrayLiteral {
    items = List.copyOf(items);
  }

  @Override
  public String toSyntax() {
    return items.stream().map(Expression::toSyntax).collect(Collectors.joining(",", "[", "]"));
  }
}
