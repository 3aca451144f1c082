package org.voxbeam.pipeline.lang;

import java.util.Objects;
import java.util.Optional;

/** {@code xs[a:b]} with either bound optional, Python slice semantics. */
public record SliceExpression(
    Expression sequence, Optional<Expression> start, Optional<Expression> stop)
    implements Expression {

  public SliceExpression {
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stop, "stop");
  }

  @Override
  public String toSyntax() {
    return sequence.toSyntax()
        + "["
        + start.map(Expression::toSyntax).orElse("")
        + ":"
        + stop.map(Expression::toSyntax).orElse("")
        + "]";
  }
}
