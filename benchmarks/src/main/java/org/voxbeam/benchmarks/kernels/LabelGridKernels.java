package org.voxbeam.benchmarks.kernels;

import java.util.List;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * The SimpleITK label, distance, measurement and region filters, with the scipy.ndimage or numpy
 * expression of the same result where there is one: {@code ndi.label} numbers components in the
 * same raster order as ITK, its default structure is face connectivity; {@code
 * ndi.distance_transform_edt} is the exact Euclidean distance; {@code ndi.shift} with {@code
 * order=1} is linear interpolation at a half-voxel offset.
 */
final class LabelGridKernels implements KernelSuite {
  private static final String BOX = "np.ones((3, 3, 3), bool)";

  @Override
  public String name() {
    return "labels-regions";
  }

  @Override
  public List<KernelCase> cases(OperatorRegistry registry) {
    return List.of(
        KernelCase.of(
            "ConnectedComponent(m)",
            registry.require("simpleitk.ConnectedComponent"),
            in -> List.of(in.mask()),
            "ndi.label(m)"),
        KernelCase.of(
            "ConnectedComponent(m, True)",
            registry.require("simpleitk.ConnectedComponent"),
            in -> List.of(in.mask(), BooleanValue.of(true)),
            "ndi.label(m, " + BOX + ")"),
        KernelCase.of(
            "BinaryContour(m)",
            registry.require("simpleitk.BinaryContour"),
            in -> List.of(in.mask()),
            "m & ~ndi.binary_erosion(m, border_value=1)"),
        KernelCase.of(
            "SignedMaurerDistanceMap(m, spacing)",
            registry.require("simpleitk.SignedMaurerDistanceMap"),
            in ->
                List.of(
                    in.mask(),
                    BooleanValue.of(false),
                    BooleanValue.of(false),
                    BooleanValue.of(true)),
            "ndi.distance_transform_edt(~m) - ndi.distance_transform_edt(m)"),
        KernelCase.of(
            "DanielssonDistanceMap(m)",
            registry.require("simpleitk.DanielssonDistanceMap"),
            in -> List.of(in.mask()),
            "ndi.distance_transform_edt(~m)"),
        KernelCase.of(
            "LabelStatistics(v, m)",
            registry.require("simpleitk.LabelStatistics"),
            in -> List.of(in.volume(), in.mask()),
            "[f(v, m, [0, 1]) for f in"
                + " (ndi.minimum, ndi.maximum, ndi.mean, ndi.variance, ndi.sum)]"),
        KernelCase.of(
            "LabelShapeStatistics(m)",
            registry.require("simpleitk.LabelShapeStatistics"),
            in -> List.of(in.mask()),
            "(ndi.center_of_mass(m), ndi.find_objects(m.view(np.uint8)))"),
        KernelCase.of(
            "Extract(v, axial slice)",
            registry.require("simpleitk.Extract"),
            in ->
                List.of(
                    in.volume(), numbers(in.side(), in.side(), 0), numbers(0, 0, in.side() / 2)),
            "v[v.shape[0] // 2].copy()"),
        KernelCase.of(
            "ConstantPad(v, 2, 3)",
            registry.require("simpleitk.ConstantPad"),
            in -> List.of(in.volume(), numbers(2, 2, 2), numbers(3, 3, 3)),
            "np.pad(v, ((2, 3),) * 3)"),
        KernelCase.of(
            "MirrorPad(v, 2, 3)",
            registry.require("simpleitk.MirrorPad"),
            in -> List.of(in.volume(), numbers(2, 2, 2), numbers(3, 3, 3)),
            "np.pad(v, ((2, 3),) * 3, mode='symmetric')"),
        KernelCase.of(
            "Flip(v, x and z)",
            registry.require("simpleitk.Flip"),
            in -> List.of(in.volume(), flags(true, false, true)),
            "v[::-1, :, ::-1].copy()"),
        KernelCase.of(
            "PermuteAxes(v, [2, 0, 1])",
            registry.require("simpleitk.PermuteAxes"),
            in -> List.of(in.volume(), numbers(2, 0, 1)),
            "np.ascontiguousarray(v.transpose(1, 2, 0))"),
        KernelCase.of(
            "Shrink(v, 2)",
            registry.require("simpleitk.Shrink"),
            in -> List.of(in.volume(), numbers(2, 2, 2)),
            "v[::2, ::2, ::2].copy()"),
        KernelCase.of(
            "BinShrink(v, 2)",
            registry.require("simpleitk.BinShrink"),
            in -> List.of(in.volume(), numbers(2, 2, 2)),
            "v.reshape(v.shape[0] // 2, 2, v.shape[1] // 2, 2, v.shape[2] // 2, 2)"
                + ".mean(axis=(1, 3, 5))"),
        KernelCase.of(
            "Resample(v, shifted, linear)",
            registry.require("simpleitk.Resample"),
            in ->
                List.of(
                    in.volume(),
                    shifted(in.volume()),
                    new StringValue("identity"),
                    new NumberValue(2)),
            "ndi.shift(v, -0.5, order=1, mode='constant')"),
        KernelCase.of(
            "Resample(v, shifted, nearest)",
            registry.require("simpleitk.Resample"),
            in ->
                List.of(
                    in.volume(),
                    shifted(in.volume()),
                    new StringValue("identity"),
                    new NumberValue(1)),
            "ndi.shift(v, -0.5, order=0, mode='constant')"));
  }

  /** The volume's grid moved by half a voxel along every axis, as a reference image. */
  private static ImageValue shifted(ImageValue volume) {
    ImageGeometry g = volume.geometry();
    List<Double> origin = g.origin().stream().map(o -> o + 0.5).toList();
    return new ImageValue(
        new ImageGeometry(g.size(), g.spacing(), origin, g.direction()),
        volume.dtype(),
        volume.voxels());
  }

  private static Value numbers(double... values) {
    List<Value> items = new java.util.ArrayList<>();
    for (double v : values) {
      items.add(new NumberValue(v));
    }
    return new SequenceValue(items);
  }

  private static Value flags(boolean... values) {
    List<Value> items = new java.util.ArrayList<>();
    for (boolean v : values) {
      items.add(BooleanValue.of(v));
    }
    return new SequenceValue(items);
  }
}
