package org.voxbeam.pipeline.lang;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How deep an expression tree is, measured without recursion. The parser bounds its own recursion,
 * but an operator chain ({@code 1 + 1 + … + 1}) is parsed in a loop and still builds a tree as deep
 * as it is long; everything that walks trees afterwards (printing, reduction, closure evaluation)
 * recurses, so the tree's depth is bounded too.
 */
final class SyntaxDepth {
  private record Visit(Expression expression, int depth, Optional<SourcePosition> near) {}

  private SyntaxDepth() {}

  /**
   * Where {@code expression} first gets deeper than {@code max} levels: the position of the syntax
   * nearest above that point that has one, or {@code outer} if none does; empty when the tree is
   * within the bound.
   */
  static Optional<SourcePosition> beyond(Expression expression, int max, SourcePosition outer) {
    Deque<Visit> pending = new ArrayDeque<>();
    pending.push(new Visit(expression, 1, Optional.empty()));
    while (!pending.isEmpty()) {
      Visit visit = pending.pop();
      Optional<SourcePosition> near = position(visit.expression()).or(visit::near);
      if (visit.depth() > max) {
        return Optional.of(near.orElse(outer));
      }
      children(visit.expression())
          .forEach(child -> pending.push(new Visit(child, visit.depth() + 1, near)));
    }
    return Optional.empty();
  }

  private static Optional<SourcePosition> position(Expression expression) {
    if (expression instanceof Call call) {
      return Optional.of(call.position());
    }
    if (expression instanceof LetExpression let) {
      return Optional.of(let.position());
    }
    if (expression instanceof ForExpression loop) {
      return Optional.of(loop.position());
    }
    if (expression instanceof FilterExpression filter) {
      return Optional.of(filter.position());
    }
    if (expression instanceof FoldExpression fold) {
      return Optional.of(fold.position());
    }
    return Optional.empty();
  }

  private static Stream<Expression> children(Expression expression) {
    if (expression instanceof Call call) {
      return call.arguments().stream();
    }
    if (expression instanceof ArrayLiteral array) {
      return array.items().stream();
    }
    if (expression instanceof SliceExpression slice) {
      return Stream.of(Optional.of(slice.sequence()), slice.start(), slice.stop())
          .flatMap(Optional::stream);
    }
    if (expression instanceof LetExpression let) {
      return Stream.of(let.value(), let.body());
    }
    if (expression instanceof ForExpression loop) {
      return Stream.of(loop.iterable(), loop.body());
    }
    if (expression instanceof FilterExpression filter) {
      return Stream.of(filter.iterable(), filter.predicate());
    }
    if (expression instanceof FoldExpression fold) {
      return Stream.concat(fold.init().stream(), Stream.of(fold.sequence()));
    }
    return Stream.empty();
  }
}
