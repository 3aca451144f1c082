package org.voxbeam.transforms.vox1;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.transforms.library.SimpleOperator;
import org.voxbeam.transforms.python.Comparison;
import org.voxbeam.transforms.python.PythonNumbers;

/**
 * The scalar half of VoxLogicA-2's {@code vox1} namespace, where infix arithmetic and comparison
 * land ({@code 2 + 3} reduces to {@code vox1.+}). Unlike {@code default.addition} these work on
 * Python floats: {@code vox1.+} of two integers is a float. Arithmetic broadcasts over sequences.
 * The image cases of the same operators belong to the image kernels.
 */
public final class Vox1ScalarOperators implements OperatorLibrary {
  static final String NAMESPACE = "vox1";

  @Override
  public List<Operator> operators() {
    List<Operator> operators = new ArrayList<>();
    operators.add(arithmetic("+", "Addition (scalar, element-wise over sequences)", Double::sum));
    operators.add(arithmetic("-", "Subtraction (scalar, element-wise over sequences)", (a, b) -> a - b));
    operators.add(arithmetic("*", "Multiplication (scalar, element-wise over sequences)", (a, b) -> a * b));
    operators.add(arithmetic("/", "Division (scalar, element-wise over sequences)", Vox1ScalarOperators::divide));
    operators.add(floatBinary("num_add", "Scalar floating-point addition", Double::sum));
    operators.add(floatBinary("num_sub", "Scalar floating-point subtraction", (a, b) -> a - b));
    operators.add(floatBinary("num_mul", "Scalar floating-point multiplication", (a, b) -> a * b));
    operators.add(floatBinary("num_div", "Scalar floating-point division", Vox1ScalarOperators::divide));
    operators.add(comparison("==", Comparison.EQ));
    operators.add(comparison("!=", Comparison.NE));
    operators.add(comparison("<", Comparison.LT));
    operators.add(comparison("<=", Comparison.LE));
    operators.add(comparison(">", Comparison.GT));
    operators.add(comparison(">=", Comparison.GE));
    operators.add(comparison("num_eq", Comparison.EQ));
    operators.add(comparison("num_neq", Comparison.NE));
    operators.add(comparison("num_lt", Comparison.LT));
    operators.add(comparison("num_leq", Comparison.LE));
    operators.add(comparison("num_gt", Comparison.GT));
    operators.add(comparison("num_geq", Comparison.GE));
    operators.add(SimpleOperator.pure(NAMESPACE, "bool_and_scalar", Arity.exactly(2),
        "Scalar boolean and",
        args -> BooleanValue.of(PythonNumbers.truthy(args.get(0)) && PythonNumbers.truthy(args.get(1)))));
    operators.add(SimpleOperator.pure(NAMESPACE, "bool_or_scalar", Arity.exactly(2),
        "Scalar boolean or",
        args -> BooleanValue.of(PythonNumbers.truthy(args.get(0)) || PythonNumbers.truthy(args.get(1)))));
    operators.add(SimpleOperator.pure(NAMESPACE, "bool_not_scalar", Arity.exactly(1),
        "Scalar boolean not", args -> BooleanValue.of(!PythonNumbers.truthy(args.get(0)))));
    operators.add(SimpleOperator.pure(NAMESPACE, "not_compat", Arity.exactly(1),
        "Boolean not of a scalar", args -> BooleanValue.of(!PythonNumbers.truthy(args.get(0)))));
    return List.copyOf(operators);
  }

  /** Python float division: {@code x / 0.0} raises rather than giving infinity. */
  private static double divide(double left, double right) {
    if (right == 0.0) {
      throw new OperatorException("float division by zero");
    }
    return left / right;
  }

  private static SimpleOperator arithmetic(String symbol, String description, DoubleBinaryOperator op) {
    return SimpleOperator.pure(NAMESPACE, symbol, Arity.exactly(2), description,
        args -> PythonNumbers.broadcast(args.get(0), args.get(1),
            (l, r) -> new NumberValue(op.applyAsDouble(PythonNumbers.toDouble(l), PythonNumbers.toDouble(r))),
            symbol));
  }

  private static SimpleOperator floatBinary(String name, String description, DoubleBinaryOperator op) {
    return SimpleOperator.pure(NAMESPACE, name, Arity.exactly(2), description,
        args -> new NumberValue(
            op.applyAsDouble(PythonNumbers.toDouble(args.get(0)), PythonNumbers.toDouble(args.get(1)))));
  }

  private static SimpleOperator comparison(String name, Comparison comparison) {
    return SimpleOperator.pure(NAMESPACE, name, Arity.exactly(2),
        "Scalar comparison " + comparison.symbol() + " on floats",
        args -> BooleanValue.of(comparison.test(
            PythonNumbers.toDouble(args.get(0)), PythonNumbers.toDouble(args.get(1)))));
  }
}
