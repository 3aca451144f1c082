package org.voxbeam.benchmarks.kernels;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.value.Value;

/**
 * One kernel the benchmark times: VoxBeam's operator called through the registry, as a program
 * calls it (argument binding and the result's allocation included), and, where scipy has the same
 * algorithm, the Python expression that computes it with {@code scipy.ndimage} on the same voxels.
 *
 * @param label how the report names the case, e.g. {@code BinaryDilate(mask, 1)}
 * @param voxbeam the call, given the inputs
 * @param scipy a Python expression over {@code v} (the float32 volume, z-y-x order), {@code m} (the
 *     boolean mask), {@code np} and {@code ndi} (scipy.ndimage); empty when scipy has no
 *     counterpart
 */
record KernelCase(String label, Function<KernelInputs, Value> voxbeam, Optional<String> scipy) {

  /**
   * A case calling {@code operator} with the arguments {@code arguments} builds from the inputs.
   */
  public static KernelCase of(
      String label,
      Operator operator,
      Function<KernelInputs, List<Value>> arguments,
      String scipy) {
    return new KernelCase(
        label,
        inputs -> operator.apply(Arguments.of(arguments.apply(inputs))),
        Optional.ofNullable(scipy));
  }
}
