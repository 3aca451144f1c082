package org.voxbeam.pipeline.closure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.lang.Expression;

/**
 * A user-defined function a closure body calls ({@code touch(a,b)} in {@code |(a,touch(b,a))}),
 * rebuilt from the closure's {@code function_captures}: parameters, parsed body, and the names it
 * closes over.
 */
record UserFunction(
    String name, List<String> parameters, Expression body, Map<String, Binding> environment)
    implements Binding {

  UserFunction {
    parameters = List.copyOf(parameters);
    environment = Map.copyOf(environment);
  }

  Value invoke(List<Value> arguments, BodyInterpreter interpreter) {
    if (arguments.size() != parameters.size()) {
      throw new OperatorException(
          "function "
              + name
              + " expects "
              + parameters.size()
              + " argument(s), got "
              + arguments.size());
    }
    Map<String, Binding> scope = new HashMap<>(environment);
    for (int i = 0; i < parameters.size(); i++) {
      scope.put(parameters.get(i), new Binding.Bound(arguments.get(i)));
    }
    return interpreter.evaluate(body, scope);
  }
}
