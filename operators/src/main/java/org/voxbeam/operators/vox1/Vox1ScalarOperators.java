package org.voxbeam.operators.vox1;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.Comparison;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * The scalar-only operators of VoxLogicA-2's {@code vox1} namespace ({@code num_add}, {@code
 * num_lt}, {@code bool_and_scalar} …, what the compatibility library's dotted operators reduce to).
 * Unlike {@code default.addition} these work on Python floats: {@code vox1.num_add} of two integers
 * is a float. The infix operators ({@code +}, {@code <=} …), which take scalars and images alike,
 * live with the image operators.
 */
public final class Vox1ScalarOperators implements OperatorLibrary {
  static final String NAMESPACE = "vox1";

  @Override
  public List<Operator> operators() {
    List<Operator> operators = new ArrayList<>();
    operators.add(floatBinary("num_add", "Scalar floating-point addition", Double::sum));
    operators.add(floatBinary("num_sub", "Scalar floating-point subtraction", (a, b) -> a - b));
    operators.add(floatBinary("num_mul", "Scalar floating-point multiplication", (a, b) -> a * b));
    operators.add(
        floatBinary("num_div", "Scalar floating-point division", Vox1ScalarOperators::divide));
    operators.add(comparison("num_eq", Comparison.EQ));
    operators.add(comparison("num_neq", Comparison.NE));
    operators.add(comparison("num_lt", Comparison.LT));
    operators.add(comparison("num_leq", Comparison.LE));
    operators.add(comparison("num_gt", Comparison.GT));
    operators.add(comparison("num_geq", Comparison.GE));
    operators.add(
        SimpleOperator.pure(
            NAMESPACE,
            "bool_and_scalar",
            Arity.exactly(2),
            "Scalar boolean and",
            args ->
                BooleanValue.of(
                    PythonNumbers.truthy(args.get(0)) && PythonNumbers.truthy(args.get(1)))));
    operators.add(
        SimpleOperator.pure(
            NAMESPACE,
            "bool_or_scalar",
            Arity.exactly(2),
            "Scalar boolean or",
            args ->
                BooleanValue.of(
                    PythonNumbers.truthy(args.get(0)) || PythonNumbers.truthy(args.get(1)))));
    operators.add(
        SimpleOperator.pure(
            NAMESPACE,
            "bool_not_scalar",
            Arity.exactly(1),
            "Scalar boolean not",
            args -> BooleanValue.of(!PythonNumbers.truthy(args.get(0)))));
    return List.copyOf(operators);
  }

  /** Python float division: {@code x / 0.0} raises rather than giving infinity. */
  public static double divide(double left, double right) {
    if (right == 0.0) {
      throw new OperatorException("float division by zero");
    }
    return left / right;
  }

  private static SimpleOperator floatBinary(
      String name, String description, DoubleBinaryOperator op) {
    return SimpleOperator.pure(
        NAMESPACE,
        name,
        Arity.exactly(2),
        description,
        args ->
            new NumberValue(
                op.applyAsDouble(
                    PythonNumbers.toDouble(args.get(0)), PythonNumbers.toDouble(args.get(1)))));
  }

  private static SimpleOperator comparison(String name, Comparison comparison) {
    return SimpleOperator.pure(
        NAMESPACE,
        name,
        Arity.exactly(2),
        "Scalar comparison " + comparison.symbol() + " on floats",
        args ->
            BooleanValue.of(
                comparison.test(
                    PythonNumbers.toDouble(args.get(0)), PythonNumbers.toDouble(args.get(1)))));
  }
}
