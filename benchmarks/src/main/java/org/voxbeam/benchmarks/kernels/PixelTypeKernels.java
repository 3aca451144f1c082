package org.voxbeam.benchmarks.kernels;

import java.util.List;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.NumberValue;

/** Cast and whole-image measurements. */
final class PixelTypeKernels implements KernelSuite {
  @Override
  public String name() {
    return "pixel-types";
  }

  @Override
  public List<KernelCase> cases(OperatorRegistry registry) {
    return List.of(
        KernelCase.of(
            "Cast(v, sitkUInt8)",
            registry.require("simpleitk.Cast"),
            in -> List.of(in.volume(), new NumberValue(1)),
            "v.astype(np.uint8)"),
        KernelCase.of(
            "MinimumMaximum(v)",
            registry.require("simpleitk.MinimumMaximum"),
            in -> List.of(in.volume()),
            "(v.min(), v.max())"),
        KernelCase.of(
            "Statistics(v)",
            registry.require("simpleitk.Statistics"),
            in -> List.of(in.volume()),
            "(v.min(), v.max(), v.mean(dtype=np.float64), v.std(dtype=np.float64, ddof=1), "
                + "v.var(dtype=np.float64, ddof=1), v.sum(dtype=np.float64), v.size)"));
  }
}
