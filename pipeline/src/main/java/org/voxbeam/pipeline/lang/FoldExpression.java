package org.voxbeam.pipeline.lang;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code fold op [init] sequence}: a left fold with a built-in combiner ({@code +}, {@code *},
 * {@code max}, {@code min}, …).
 */
public record FoldExpression(
    SourcePosition position, String operator, Optional<Expression> init, Expression sequence)
    implements Expression {

  public FoldExpression {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(sequence, "sequence");
  }

  @Override
  public String toSyntax() {
    return "fold "
        + operator
        + " "
        + init.map(e -> e.toSyntax() + " ").orElse("")
        + sequence.toSyntax();
  }
}
