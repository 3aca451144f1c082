package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Grid;

/**
 * Derivative filters: {@code GradientMagnitude}, {@code GradientMagnitudeRecursiveGaussian}, {@code
 * Derivative} and {@code Laplacian}, with ITK's finite-difference operators (the border voxel
 * repeated outside the image), coefficient types and summation order, so that results match ITK's
 * bit for bit where the inputs are exact.
 *
 * <p>{@code Gradient} is not here: it yields a vector image, which VoxBeam's scalar image values
 * cannot hold; it stays a SimpleITK filter VoxBeam does not support.
 */
final class Gradients implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "GradientMagnitude",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(DType.FLOAT32, gradientMagnitude(in, call.flag("useImageSpacing")));
            },
        "GradientMagnitudeRecursiveGaussian", Gradients::gradientMagnitudeRecursiveGaussian,
        "Derivative", Gradients::derivative,
        "Laplacian", Gradients::laplacian);
  }

  /**
   * ITK's {@code GradientMagnitudeImageFilter}: per axis the correlation with ITK's first
   * derivative operator {@code [0.5, 0, -0.5]} scaled by {@code 1/spacing}, squares summed in
   * {@code double} in axis order; the square root is the {@code float32} result.
   */
  static double[] gradientMagnitude(Volume in, boolean useImageSpacing) {
    Grid grid = in.grid();
    int dimension = in.dimension();
    double[] c = new double[dimension];
    for (int axis = 0; axis < dimension; axis++) {
      c[axis] = useImageSpacing ? 0.5 * (1.0 / in.spacing(axis)) : 0.5;
    }
    double[] v = in.values();
    double[] out = new double[v.length];
    Lines.forEach(
        grid,
        0,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int y = k % grid.ny();
            int z = k / grid.ny();
            for (int x = 0; x < grid.nx(); x++) {
              int i = grid.index(x, y, z);
              double a = 0;
              for (int axis = 0; axis < dimension; axis++) {
                int position = axis == 0 ? x : axis == 1 ? y : z;
                int stride = grid.stride(axis);
                double before = v[position > 0 ? i - stride : i];
                double after = v[position < grid.extent(axis) - 1 ? i + stride : i];
                double g = c[axis] * before + -c[axis] * after;
                a += g * g;
              }
              out[i] = Math.sqrt(a);
            }
          }
        });
    return out;
  }

  /**
   * ITK's {@code GradientMagnitudeRecursiveGaussianImageFilter}: per axis a first-order recursive
   * Gaussian along it and order-0 ones along the others (in increasing axis order), in {@code
   * float} images; the squares of the derivatives over the spacing accumulate in a {@code float}
   * image, whose square root is the {@code float32} result.
   */
  private static ImageValue gradientMagnitudeRecursiveGaussian(Call call) {
    Volume in = Volume.of(call.image("image1"));
    int dimension = in.dimension();
    double sigma = call.real("sigma");
    boolean normalize = call.flag("normalizeAcrossScale");
    Grid grid = in.grid();
    double[] cumulative = new double[grid.voxelCount()];
    for (int dim = 0; dim < dimension; dim++) {
      DericheFilter derivative =
          Smoothing.deriche(call, in, sigma, dim, DericheFilter.FIRST, normalize);
      double[] current = Smoothing.recursive(in.values(), grid, dim, derivative);
      Volume.store(DType.FLOAT32, current);
      for (int axis = 0; axis < dimension; axis++) {
        if (axis != dim) {
          DericheFilter smoothing =
              Smoothing.deriche(call, in, sigma, axis, DericheFilter.ZERO, normalize);
          current = Smoothing.recursive(current, grid, axis, smoothing);
          Volume.store(DType.FLOAT32, current);
        }
      }
      double spacing = in.spacing(dim);
      for (int i = 0; i < cumulative.length; i++) {
        double b = current[i] / spacing;
        cumulative[i] = (float) (cumulative[i] + b * b);
      }
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] = Math.sqrt(cumulative[i]);
    }
    return in.toImage(DType.FLOAT32, cumulative);
  }

  /**
   * ITK's {@code DerivativeImageFilter}: the {@code DerivativeOperator} of the order (its
   * coefficients reversed, as the filter flips them), scaled by {@code 1/spacing} — once, whatever
   * the order, as ITK does — and correlated along the direction in {@code double}.
   */
  private static ImageValue derivative(Call call) {
    Volume in = Volume.of(call.image("image1"));
    long direction = call.integer("direction");
    if (direction >= in.dimension()) {
      throw call.failure(
          "direction " + direction + " is not an axis of a " + in.dimension() + "D image");
    }
    long order = call.integer("order");
    if (order > 64) {
      throw call.failure("derivative order " + order + " is larger than VoxBeam supports (64)");
    }
    int axis = (int) direction;
    double[] kernel = derivativeOperator((int) order);
    reverse(kernel);
    if (call.flag("useImageSpacing")) {
      double scale = 1.0 / in.spacing(axis);
      for (int i = 0; i < kernel.length; i++) {
        kernel[i] = kernel[i] * scale;
      }
    }
    double[] out = Smoothing.correlate(in.values(), in.grid(), axis, kernel);
    return in.toImage(in.dtype(), out);
  }

  /**
   * ITK's {@code DerivativeOperator} coefficients: a centred unit impulse, {@code order / 2} passes
   * of the second difference, then {@code order % 2} passes of the half central difference, in
   * ITK's in-place update order.
   */
  static double[] derivativeOperator(int order) {
    int w = 2 * ((order + 1) / 2) + 1;
    double[] coeff = new double[w];
    coeff[w / 2] = 1.0;
    for (int i = 0; i < order / 2; i++) {
      double previous = coeff[1] - 2 * coeff[0];
      int j;
      for (j = 1; j < w - 1; j++) {
        double next = coeff[j - 1] + coeff[j + 1] - 2 * coeff[j];
        coeff[j - 1] = previous;
        previous = next;
      }
      double next = coeff[j - 1] - 2 * coeff[j];
      coeff[j - 1] = previous;
      coeff[j] = next;
    }
    for (int i = 0; i < order % 2; i++) {
      double previous = 0.5 * coeff[1];
      int j;
      for (j = 1; j < w - 1; j++) {
        double next = -0.5 * coeff[j - 1] + 0.5 * coeff[j + 1];
        coeff[j - 1] = previous;
        previous = next;
      }
      double next = -0.5 * coeff[j - 1];
      coeff[j - 1] = previous;
      coeff[j] = next;
    }
    return coeff;
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * ITK's {@code LaplacianImageFilter}: the 2D+1 point operator with {@code 1/spacing²} weights
   * stored in the output pixel type, summed in {@code double} in the neighbourhood's raster order
   * (z-, y-, x-, centre, x+, y+, z+).
   */
  private static ImageValue laplacian(Call call) {
    Volume in = Volume.of(call.image("image1"));
    boolean useImageSpacing = call.flag("useImageSpacing");
    int dimension = in.dimension();
    DType type = in.dtype();
    double[] weight = new double[3];
    double sum = 0.0;
    for (int axis = 0; axis < dimension; axis++) {
      double s = useImageSpacing ? 1.0 / in.spacing(axis) : 1.0;
      double hsq = s * s;
      weight[axis] = type == DType.FLOAT32 ? (float) hsq : hsq;
      sum += 2.0 * hsq;
    }
    double centre = type == DType.FLOAT32 ? (float) -sum : -sum;
    Grid grid = in.grid();
    double[] v = in.values();
    double[] out = new double[v.length];
    Lines.forEach(
        grid,
        0,
        (from, to) -> {
          int[] position = new int[3];
          for (int k = from; k < to; k++) {
            position[1] = k % grid.ny();
            position[2] = k / grid.ny();
            for (int x = 0; x < grid.nx(); x++) {
              position[0] = x;
              int i = grid.index(x, position[1], position[2]);
              double total = 0.0;
              for (int axis = dimension - 1; axis >= 0; axis--) {
                int stride = grid.stride(axis);
                total += weight[axis] * v[position[axis] > 0 ? i - stride : i];
              }
              total += centre * v[i];
              for (int axis = 0; axis < dimension; axis++) {
                int stride = grid.stride(axis);
                total += weight[axis] * v[position[axis] < grid.extent(axis) - 1 ? i + stride : i];
              }
              out[i] = total;
            }
          }
        });
    return in.toImage(type, out);
  }
}
