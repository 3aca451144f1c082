package org.voxbeam.operators.defaults;

import java.util.List;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.Comparison;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * The scalar primitives of VoxLogicA-2's {@code default} namespace: Python arithmetic that keeps
 * integers apart from floats and broadcasts over sequences, float comparisons, and scalar booleans.
 * The reducer lowers {@code a > b}, {@code a && b}, {@code !a} to these.
 */
public final class ScalarOperators implements OperatorLibrary {
  static final String NAMESPACE = "default";

  @Override
  public List<Operator> operators() {
    return List.of(
        binary(
            "addition",
            "Addition of numbers (and strings); element-wise over sequences",
            ScalarOperators::add),
        binary(
            "subtraction",
            "Subtraction of numbers; element-wise over sequences",
            (l, r) -> PythonNumbers.binary("-", l, r, Math::subtractExact, (a, b) -> a - b)),
        binary(
            "multiplication",
            "Multiplication of numbers; element-wise over sequences",
            (l, r) -> PythonNumbers.binary("*", l, r, Math::multiplyExact, (a, b) -> a * b)),
        binary(
            "division",
            "True division of numbers; element-wise over sequences",
            ScalarOperators::divide),
        binary(
            "bool_and_scalar",
            "Scalar boolean and",
            (l, r) -> BooleanValue.of(PythonNumbers.truthy(l) && PythonNumbers.truthy(r))),
        binary(
            "bool_or_scalar",
            "Scalar boolean or",
            (l, r) -> BooleanValue.of(PythonNumbers.truthy(l) || PythonNumbers.truthy(r))),
        SimpleOperator.pure(
            NAMESPACE,
            "not_compat",
            Arity.exactly(1),
            "Scalar boolean not",
            args -> BooleanValue.of(!PythonNumbers.truthy(args.get(0)))),
        comparison("num_eq", "Scalar numeric equality", Comparison.EQ),
        comparison("num_neq", "Scalar numeric inequality", Comparison.NE),
        comparison("num_leq", "Scalar numeric less-or-equal", Comparison.LE),
        comparison("num_lt", "Scalar numeric less-than", Comparison.LT),
        comparison("num_geq", "Scalar numeric greater-or-equal", Comparison.GE),
        comparison("num_gt", "Scalar numeric greater-than", Comparison.GT));
  }

  /** Python's {@code left + right}: numbers, or two strings concatenated. */
  static Value add(Value left, Value right) {
    if (left instanceof StringValue l && right instanceof StringValue r) {
      return new StringValue(l.value() + r.value());
    }
    return PythonNumbers.binary("+", left, right, Math::addExact, Double::sum);
  }

  /** Python's true division, refusing a zero divisor as VoxLogicA-2 does. */
  static Value divide(Value left, Value right) {
    return PythonNumbers.broadcast(
        left,
        right,
        (l, r) -> {
          if (PythonNumbers.isNumeric(r) && PythonNumbers.toDouble(r) == 0.0) {
            throw new OperatorException("Division by zero");
          }
          return PythonNumbers.binary("/", l, r, null, (a, b) -> a / b);
        },
        "Division");
  }

  private static SimpleOperator binary(
      String name, String description, PythonNumbers.ScalarFunction function) {
    return SimpleOperator.pure(
        NAMESPACE,
        name,
        Arity.exactly(2),
        description,
        args -> function.apply(args.get(0), args.get(1)));
  }

  /** Compares as Python floats: {@code float(left) < float(right)}. */
  private static SimpleOperator comparison(String name, String description, Comparison comparison) {
    return SimpleOperator.pure(
        NAMESPACE,
        name,
        Arity.exactly(2),
        description,
        args ->
            BooleanValue.of(
                comparison.test(
                    PythonNumbers.toDouble(args.get(0)), PythonNumbers.toDouble(args.get(1)))));
  }
}
