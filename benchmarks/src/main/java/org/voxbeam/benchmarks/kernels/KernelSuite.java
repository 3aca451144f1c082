package org.voxbeam.benchmarks.kernels;

import java.util.List;
import org.voxbeam.kernel.operator.OperatorRegistry;

/**
 * A group of kernel cases (pointwise, smoothing, morphology, labels …), one class per group so each
 * family of operators keeps its cases beside the others'. {@link KernelsCommand} lists the suites.
 */
interface KernelSuite {
  /** The suite's name, for {@code --suite}. */
  String name();

  List<KernelCase> cases(OperatorRegistry registry);
}
