package org.voxbeam.kernel.value;

import java.util.Objects;
import java.util.Optional;
import org.voxbeam.kernel.node.NodeId;

/**
 * A failure, kept as a value: failures are results, so a failed node is recorded like any other,
 * its dependents fail with it as their cause, and independent work goes on.
 *
 * @param message what went wrong, for a person
 * @param node the node that failed
 * @param operator the operator that node applied
 * @param cause the failure of an input that made this node fail, if any
 */
public record ErrorValue(String message, NodeId node, String operator, Optional<ErrorValue> cause)
    implements Value {

  public ErrorValue {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(cause, "cause");
  }

  /** The failure that started the chain. */
  public ErrorValue rootCause() {
    ErrorValue current = this;
    while (current.cause.isPresent()) {
      current = current.cause.get();
    }
    return current;
  }

  /** One line: this failure and, when it was caused by an input, the root failure. */
  public String describe() {
    String here = operator + " (" + node.shortForm() + "): " + message;
    if (cause.isEmpty()) {
      return here;
    }
    ErrorValue root = rootCause();
    return here + " <- " + root.operator + " (" + root.node.shortForm() + "): " + root.message;
  }

  @Override
  public String voxType() {
    return "error";
  }
}
