package org.voxbeam.operators.library;

import java.util.List;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.UnavailableOperator;

/**
 * VoxLogicA-2 primitives that need its Python runtime — nnU-Net's PyTorch models, Dask bags, its
 * internal test namespace, or effects on the interpreter's output — registered so programs naming
 * them reduce to VoxLogicA-2's node ids, and failing at their nodes with the reason.
 */
final class PeerRuntimeOperators implements OperatorLibrary {
  private static final String NNUNET =
      "nnU-Net needs PyTorch and VoxLogicA-2's nnU-Net runtime, which VoxBeam does not provide";
  private static final String TEST =
      "VoxLogicA-2's internal test namespace has no VoxBeam equivalent";

  @Override
  public List<Operator> operators() {
    return List.of(
        unavailable(
            "default",
            "dask_map",
            Arity.exactly(2),
            "needs a Dask bag, a value VoxLogicA-2's Dask strategy makes and VoxBeam does not; use map"),
        unavailable(
            "default",
            "print_primitive",
            Arity.exactly(2),
            "prints from inside the graph, which VoxBeam's runners do not; use a print command"),
        unavailable("nnunet", "env_check", Arity.atLeast(0), NNUNET),
        unavailable("nnunet", "make_predictor", Arity.between(1, 3), NNUNET),
        unavailable("nnunet", "predict", Arity.exactly(2), NNUNET),
        unavailable("nnunet", "train", Arity.between(2, 8), NNUNET),
        unavailable("test", "demo_data", Arity.atLeast(0), TEST),
        unavailable("test", "enqueue", Arity.atLeast(1), TEST),
        unavailable("test", "enqueue_advanced", Arity.atLeast(1), TEST),
        unavailable("test", "fibonacci", Arity.exactly(1), TEST),
        unavailable("test", "impure", Arity.exactly(1), TEST),
        unavailable("test", "timewaste", Arity.exactly(2), TEST),
        unavailable("test", "workflow_controller", Arity.atLeast(1), TEST));
  }

  private static Operator unavailable(String namespace, String name, Arity arity, String reason) {
    return new UnavailableOperator(new OperatorName(namespace, name), arity, reason);
  }
}
