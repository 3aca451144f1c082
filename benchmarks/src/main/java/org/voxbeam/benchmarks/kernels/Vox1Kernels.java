package org.voxbeam.benchmarks.kernels;

import java.util.List;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.NumberValue;

/**
 * VoxLogicA's spatial operators ({@code vox1}) with their scipy counterparts: 26-neighbourhood
 * dilation and erosion, labelling with full connectivity, the signed distance to the contour, the
 * masked mean summed as NumPy sums it.
 */
final class Vox1Kernels implements KernelSuite {
  private static final String BOX = "np.ones((3, 3, 3), bool)";

  @Override
  public String name() {
    return "vox1";
  }

  @Override
  public List<KernelCase> cases(OperatorRegistry registry) {
    return List.of(
        KernelCase.of(
            "v > t (threshold)",
            registry.require("vox1.>"),
            in -> List.of(in.volume(), new NumberValue(in.threshold())),
            "v > 127"),
        KernelCase.of(
            "v + v (arithmetic)",
            registry.require("vox1.+"),
            in -> List.of(in.volume(), in.volume()),
            "v + v"),
        KernelCase.of(
            "near(m) (dilation)",
            registry.require("vox1.near"),
            in -> List.of(in.mask()),
            "ndi.binary_dilation(m, " + BOX + ")"),
        KernelCase.of(
            "interior(m) (erosion)",
            registry.require("vox1.interior"),
            in -> List.of(in.mask()),
            "ndi.binary_erosion(m, " + BOX + ", border_value=1)"),
        KernelCase.of(
            "lcc(m) (components)",
            registry.require("vox1.lcc"),
            in -> List.of(in.mask()),
            "ndi.label(m, " + BOX + ")"),
        KernelCase.of(
            "dt(m) (signed distance)",
            registry.require("vox1.dt"),
            in -> List.of(in.mask()),
            "ndi.distance_transform_edt(~m) - ndi.distance_transform_edt(m)"),
        KernelCase.of(
            "avg(v, m) (NumPy's pairwise mean)",
            registry.require("vox1.avg"),
            in -> List.of(in.volume(), in.mask()),
            "np.mean(v[m], dtype=np.float64)"),
        KernelCase.of(
            "percentiles(v, m, 0.5)",
            registry.require("vox1.percentiles"),
            in -> List.of(in.volume(), in.mask(), new NumberValue(0.5)),
            "np.percentile(v[m], 50)"));
  }
}
