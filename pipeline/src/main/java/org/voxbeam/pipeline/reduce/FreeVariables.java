package org.voxbeam.pipeline.reduce;

import java.util.Set;
import java.util.TreeSet;
import org.voxbeam.pipeline.lang.ArrayLiteral;
import org.voxbeam.pipeline.lang.Call;
import org.voxbeam.pipeline.lang.Expression;
import org.voxbeam.pipeline.lang.FilterExpression;
import org.voxbeam.pipeline.lang.FoldExpression;
import org.voxbeam.pipeline.lang.ForExpression;
import org.voxbeam.pipeline.lang.LetExpression;
import org.voxbeam.pipeline.lang.SliceExpression;

/**
 * The names an expression refers to without binding them, sorted: what a closure must capture.
 * Called names count too (a body calling {@code f} captures {@code f} if it is a user function),
 * and fold operators do not, exactly as VoxLogicA-2 counts them, since the captured set is part of
 * the closure node and therefore of its id.
 */
final class FreeVariables {
  private FreeVariables() {}

  static Set<String> of(Expression expression) {
    Set<String> names = new TreeSet<>();
    collect(expression, names);
    return names;
  }

  private static void collect(Expression expression, Set<String> into) {
    if (expression instanceof Call call) {
      into.add(call.identifier());
      call.arguments().forEach(argument -> collect(argument, into));
    } else if (expression instanceof ArrayLiteral array) {
      array.items().forEach(item -> collect(item, into));
    } else if (expression instanceof SliceExpression slice) {
      collect(slice.sequence(), into);
      slice.start().ifPresent(start -> collect(start, into));
      slice.stop().ifPresent(stop -> collect(stop, into));
    } else if (expression instanceof ForExpression loop) {
      collect(loop.iterable(), into);
      into.addAll(without(loop.body(), loop.variable()));
    } else if (expression instanceof FilterExpression filter) {
      collect(filter.iterable(), into);
      into.addAll(without(filter.predicate(), filter.variable()));
    } else if (expression instanceof FoldExpression fold) {
      collect(fold.sequence(), into);
      fold.init().ifPresent(init -> collect(init, into));
    } else if (expression instanceof LetExpression let) {
      collect(let.value(), into);
      into.addAll(without(let.body(), let.variable()));
    }
  }

  private static Set<String> without(Expression body, String bound) {
    Set<String> names = of(body);
    names.remove(bound);
    return names;
  }
}
