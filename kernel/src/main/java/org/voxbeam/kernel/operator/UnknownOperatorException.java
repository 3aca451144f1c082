package org.voxbeam.kernel.operator;

import java.util.List;

/** A name that no registered operator answers to, with the names closest to it. */
public final class UnknownOperatorException extends RuntimeException {
  private final String requested;
  private final List<String> suggestions;

  public UnknownOperatorException(String requested, List<String> suggestions) {
    super(message(requested, suggestions));
    this.requested = requested;
    this.suggestions = List.copyOf(suggestions);
  }

  public String requested() {
    return requested;
  }

  public List<String> suggestions() {
    return suggestions;
  }

  private static String message(String requested, List<String> suggestions) {
    String base = "unknown operator '" + requested + "'";
    return suggestions.isEmpty()
        ? base
        : base + "; did you mean " + String.join(", ", suggestions) + "?";
  }
}
