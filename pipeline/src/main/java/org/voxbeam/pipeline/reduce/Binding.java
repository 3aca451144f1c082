package org.voxbeam.pipeline.reduce;

import java.util.List;
import java.util.Objects;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.lang.Expression;

/**
 * What a name denotes while reducing: a node of the plan (a declared value, a parameter, a {@code
 * let} variable) or a user function, kept unreduced with the environment it was declared in so that
 * each call is inlined with its own arguments.
 */
sealed interface Binding {

  /** A name bound to the node computing its value. */
  record Value(NodeId id) implements Binding {
    public Value {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A user function: parameters, body and the environment of its declaration. */
  record Function(Environment environment, List<String> parameters, Expression body)
      implements Binding {
    public Function {
      Objects.requireNonNull(environment, "environment");
      parameters = List.copyOf(parameters);
      Objects.requireNonNull(body, "body");
    }
  }
}
