package org.voxbeam.pipeline.lang;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A name applied to arguments: a variable reference (no arguments), a function or primitive call,
 * an infix or prefix operator use ({@code a + b} is {@code +(a,b)}) or an index ({@code xs[i]} is
 * {@code index(xs,i)}).
 */
public record Call(SourcePosition position, String identifier, List<Expression> arguments)
    implements Expression {

  public Call {
    arguments = List.copyOf(arguments);
  }

  @Override
  public String toSyntax() {
    if (arguments.isEmpty()) {
      return identifier;
    }
    return arguments.stream()
        .map(Expression::toSyntax)
        .collect(Collectors.joining(",", identifier + "(", ")"));
  }
}
