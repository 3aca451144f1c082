package org.voxbeam.benchmarks.kernels;

import java.util.List;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

/**
 * SimpleITK's neighbourhood filters — smoothing, derivatives, diffusion, morphology with flat
 * structuring elements — with the scipy.ndimage expression that computes the same thing (or, where
 * the label ends in "≈", the nearest scipy has: another Gaussian approximation, another boundary
 * rule). ITK's ball of radius r is the ellipsoid of semi-axes r + 0.5 sampled at voxel centres; the
 * scipy footprints below are built the same way.
 */
final class NeighbourhoodKernels implements KernelSuite {
  private static final double BALL = 1;
  private static final double BOX = 2;

  @Override
  public String name() {
    return "neighbourhood";
  }

  @Override
  public List<KernelCase> cases(OperatorRegistry registry) {
    return List.of(
        sitk(
            registry,
            "DiscreteGaussian(v, 1.0)",
            "DiscreteGaussian",
            in -> List.of(in.volume(), num(1.0)),
            "ndi.gaussian_filter(v, 1.0, mode='nearest', truncate=3.0)"),
        sitk(
            registry,
            "SmoothingRecursiveGaussian(v, 2.0) ≈",
            "SmoothingRecursiveGaussian",
            in -> List.of(in.volume(), num(2.0)),
            "ndi.gaussian_filter(v, 2.0, mode='nearest')"),
        sitk(
            registry,
            "Mean(v, 1)",
            "Mean",
            in -> List.of(in.volume(), num(1)),
            "ndi.uniform_filter(v, 3, mode='nearest')"),
        sitk(
            registry,
            "BoxMean(v, 3) ≈",
            "BoxMean",
            in -> List.of(in.volume(), num(3)),
            "ndi.uniform_filter(v, 7, mode='constant')"),
        sitk(
            registry,
            "Median(v, 1)",
            "Median",
            in -> List.of(in.volume(), num(1)),
            "ndi.median_filter(v, 3, mode='nearest')"),
        sitk(
            registry,
            "GradientMagnitude(v)",
            "GradientMagnitude",
            in -> List.of(in.volume()),
            "np.sqrt(sum(g * g for g in np.gradient(v)))"),
        sitk(
            registry,
            "GradientMagnitudeRecursiveGaussian(v, 1.0) ≈",
            "GradientMagnitudeRecursiveGaussian",
            in -> List.of(in.volume(), num(1.0)),
            "ndi.gaussian_gradient_magnitude(v, 1.0, mode='nearest')"),
        sitk(
            registry,
            "Laplacian(v)",
            "Laplacian",
            in -> List.of(in.volume()),
            "ndi.laplace(v, mode='nearest')"),
        sitk(
            registry,
            "CurvatureFlow(v, 0.05, 5)",
            "CurvatureFlow",
            in -> List.of(in.volume(), num(0.05), num(5)),
            null),
        sitk(
            registry,
            "GradientAnisotropicDiffusion(v, 0.0625, 3, 1, 5)",
            "GradientAnisotropicDiffusion",
            in -> List.of(in.volume(), num(0.0625), num(3), num(1), num(5)),
            null),
        sitk(
            registry,
            "BinaryDilate(m, 1, sitkBall)",
            "BinaryDilate",
            in -> List.of(in.mask(), radius(1), num(BALL)),
            "ndi.binary_dilation(m, ndi.generate_binary_structure(3, 2))"),
        sitk(
            registry,
            "BinaryDilate(m, 3, sitkBall)",
            "BinaryDilate",
            in -> List.of(in.mask(), radius(3), num(BALL)),
            "ndi.binary_dilation(m, " + ball(3) + ")"),
        sitk(
            registry,
            "BinaryErode(m, 3, sitkBox)",
            "BinaryErode",
            in -> List.of(in.mask(), radius(3), num(BOX)),
            "ndi.binary_erosion(m, np.ones((7, 7, 7), bool), border_value=1)"),
        sitk(
            registry,
            "BinaryMorphologicalOpening(m, 2, sitkBall)",
            "BinaryMorphologicalOpening",
            in -> List.of(in.mask(), radius(2), num(BALL)),
            "ndi.binary_opening(m, " + ball(2) + ")"),
        sitk(
            registry,
            "BinaryFillhole(m)",
            "BinaryFillhole",
            in -> List.of(in.mask()),
            "ndi.binary_fill_holes(m)"),
        sitk(
            registry,
            "GrayscaleDilate(v, 1, sitkBox)",
            "GrayscaleDilate",
            in -> List.of(in.volume(), radius(1), num(BOX)),
            "ndi.grey_dilation(v, size=(3, 3, 3))"),
        sitk(
            registry,
            "GrayscaleErode(v, 5, sitkBox)",
            "GrayscaleErode",
            in -> List.of(in.volume(), radius(5), num(BOX)),
            "ndi.grey_erosion(v, size=(11, 11, 11))"),
        sitk(
            registry,
            "GrayscaleDilate(v, 3, sitkBall)",
            "GrayscaleDilate",
            in -> List.of(in.volume(), radius(3), num(BALL)),
            "ndi.grey_dilation(v, footprint=" + ball(3) + ")"),
        sitk(
            registry,
            "GrayscaleMorphologicalOpening(v, 2, sitkBall)",
            "GrayscaleMorphologicalOpening",
            in -> List.of(in.volume(), radius(2), num(BALL)),
            "ndi.grey_opening(v, footprint=" + ball(2) + ")"),
        sitk(
            registry,
            "GrayscaleFillhole(v)",
            "GrayscaleFillhole",
            in -> List.of(in.volume()),
            null),
        KernelCase.of(
            "vox1 gradient(v)",
            registry.require("vox1.gradient"),
            in -> List.of(in.volume()),
            "np.sqrt(sum(g * g for g in np.gradient(v)))"));
  }

  private static KernelCase sitk(
      OperatorRegistry registry,
      String label,
      String procedure,
      java.util.function.Function<KernelInputs, List<Value>> arguments,
      String scipy) {
    return KernelCase.of(label, registry.require("simpleitk." + procedure), arguments, scipy);
  }

  /** ITK's ball of radius {@code r} as a numpy footprint. */
  private static String ball(int r) {
    return "(np.sum((np.mgrid[-"
        + r
        + ":"
        + (r + 1)
        + ", -"
        + r
        + ":"
        + (r + 1)
        + ", -"
        + r
        + ":"
        + (r + 1)
        + "] / "
        + (r + 0.5)
        + ") ** 2, axis=0) <= 1)";
  }

  private static Value radius(int r) {
    return new SequenceValue(List.of(num(r), num(r), num(r)));
  }

  private static NumberValue num(double v) {
    return new NumberValue(v);
  }
}
