package org.voxbeam.operators.simpleitk;

import java.util.List;
import java.util.stream.Collectors;

/** One C++ signature of a procedure: its parameters in order, the optional ones last. */
record Overload(List<Parameter> parameters) {
  Overload {
    parameters = List.copyOf(parameters);
  }

  int required() {
    int count = 0;
    for (Parameter parameter : parameters) {
      if (parameter.required()) {
        count++;
      }
    }
    return count;
  }

  boolean accepts(int count) {
    return count >= required() && count <= parameters.size();
  }

  /** As SimpleITK's documentation writes it, for messages. */
  String signature(String procedure) {
    return parameters.stream()
        .map(Parameter::toString)
        .collect(Collectors.joining(", ", procedure + "(", ")"));
  }
}
