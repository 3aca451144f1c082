package org.voxbeam.operators.strings;

import java.util.List;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;

/**
 * VoxLogicA-2's {@code strings} namespace: text built the way Python builds it, since programs use
 * it to name files and label results ({@code str()} of each part, {@code str.format}).
 */
public final class StringsOperators implements OperatorLibrary {
  private static final String NAMESPACE = "strings";

  @Override
  public List<Operator> operators() {
    return List.of(
        SimpleOperator.pure(
            NAMESPACE,
            "concat",
            Arity.atLeast(1),
            "Concatenate str() of every argument",
            args -> concat(args.positional())),
        SimpleOperator.pure(
            NAMESPACE,
            "format_string",
            Arity.atLeast(1),
            "Python str.format of a template with positional arguments",
            args ->
                new StringValue(
                    PythonFormat.format(
                        PythonText.str(args.get(0)), args.positional().subList(1, args.size())))));
  }

  private static Value concat(List<Value> parts) {
    StringBuilder out = new StringBuilder();
    for (Value part : parts) {
      out.append(PythonText.str(part));
    }
    return new StringValue(out.toString());
  }
}
