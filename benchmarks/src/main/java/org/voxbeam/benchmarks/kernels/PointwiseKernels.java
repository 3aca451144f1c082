package org.voxbeam.benchmarks.kernels;

import java.util.List;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.NumberValue;

/**
 * SimpleITK's pixel-wise, intensity and histogram-threshold procedures on the float32 cube, with
 * the numpy expression computing the same thing where there is one (numpy keeps float32 arithmetic
 * in float32, as ITK does).
 */
final class PointwiseKernels implements KernelSuite {
  @Override
  public String name() {
    return "pointwise";
  }

  @Override
  public List<KernelCase> cases(OperatorRegistry registry) {
    return List.of(
        KernelCase.of(
            "Add(v, v)",
            registry.require("simpleitk.Add"),
            in -> List.of(in.volume(), in.volume()),
            "v + v"),
        KernelCase.of(
            "Add(v, 2.5)",
            registry.require("simpleitk.Add"),
            in -> List.of(in.volume(), new NumberValue(2.5)),
            "v + np.float32(2.5)"),
        KernelCase.of(
            "Multiply(v, v)",
            registry.require("simpleitk.Multiply"),
            in -> List.of(in.volume(), in.volume()),
            "v * v"),
        KernelCase.of(
            "Divide(v, v)",
            registry.require("simpleitk.Divide"),
            in -> List.of(in.volume(), in.volume()),
            "v / v"),
        KernelCase.of(
            "Greater(v, 127)",
            registry.require("simpleitk.Greater"),
            in -> List.of(in.volume(), new NumberValue(127)),
            "(v > 127).astype(np.uint8)"),
        KernelCase.of(
            "BinaryThreshold(v, 50, 150)",
            registry.require("simpleitk.BinaryThreshold"),
            in -> List.of(in.volume(), new NumberValue(50), new NumberValue(150)),
            "((v >= 50) & (v <= 150)).astype(np.uint8)"),
        KernelCase.of(
            "Mask(v, m)",
            registry.require("simpleitk.Mask"),
            in -> List.of(in.volume(), in.mask()),
            "np.where(m, v, np.float32(0))"),
        KernelCase.of(
            "Sqrt(v)",
            registry.require("simpleitk.Sqrt"),
            in -> List.of(in.volume()),
            "np.sqrt(v)"),
        KernelCase.of(
            "Log(v)",
            registry.require("simpleitk.Log"),
            in -> List.of(in.volume()),
            "np.log(v.astype(np.float64)).astype(np.float32)"),
        KernelCase.of(
            "Pow(v, 2.5)",
            registry.require("simpleitk.Pow"),
            in -> List.of(in.volume(), new NumberValue(2.5)),
            "np.power(v.astype(np.float64), 2.5).astype(np.float32)"),
        KernelCase.of(
            "NaryAdd(v, v, v)",
            registry.require("simpleitk.NaryAdd"),
            in -> List.of(in.volume(), in.volume(), in.volume()),
            "(v.astype(np.float64) + v + v).astype(np.float32)"),
        KernelCase.of(
            "RescaleIntensity(v, 0, 255)",
            registry.require("simpleitk.RescaleIntensity"),
            in -> List.of(in.volume(), new NumberValue(0), new NumberValue(255)),
            "np.clip((v.astype(np.float64) - v.min()) * (255 / (v.max() - v.min())), 0, 255)"
                + ".astype(np.float32)"),
        KernelCase.of(
            "IntensityWindowing(v, 50, 150, 0, 255)",
            registry.require("simpleitk.IntensityWindowing"),
            in ->
                List.of(
                    in.volume(),
                    new NumberValue(50),
                    new NumberValue(150),
                    new NumberValue(0),
                    new NumberValue(255)),
            "np.clip((v.astype(np.float64) - 50) * 2.55, 0, 255).astype(np.float32)"),
        KernelCase.of(
            "Normalize(v)",
            registry.require("simpleitk.Normalize"),
            in -> List.of(in.volume()),
            "(v.astype(np.float64) - v.mean(dtype=np.float64)) / v.std(dtype=np.float64, ddof=1)"),
        KernelCase.of(
            "Clamp(v, sitkUInt8)",
            registry.require("simpleitk.Clamp"),
            in -> List.of(in.volume(), new NumberValue(1)),
            "np.clip(v, 0, 255).astype(np.uint8)"),
        KernelCase.of(
            "OtsuThreshold(v)",
            registry.require("simpleitk.OtsuThreshold"),
            in -> List.of(in.volume()),
            null),
        KernelCase.of(
            "OtsuThreshold(v, m, 0, 1, 64, true, 1) (vox1 otsu)",
            registry.require("simpleitk.OtsuThreshold"),
            in ->
                List.of(
                    in.volume(),
                    in.mask(),
                    new NumberValue(0),
                    new NumberValue(1),
                    new NumberValue(64),
                    BooleanValue.of(true),
                    new NumberValue(1)),
            null),
        KernelCase.of(
            "TriangleThreshold(v)",
            registry.require("simpleitk.TriangleThreshold"),
            in -> List.of(in.volume()),
            null),
        KernelCase.of(
            "OtsuMultipleThresholds(v, 2)",
            registry.require("simpleitk.OtsuMultipleThresholds"),
            in -> List.of(in.volume(), new NumberValue(2)),
            null));
  }
}
