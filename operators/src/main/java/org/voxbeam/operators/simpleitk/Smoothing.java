package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Grid;

/**
 * Smoothing filters: {@code DiscreteGaussian}, {@code RecursiveGaussian}, {@code
 * SmoothingRecursiveGaussian}, {@code Mean}, {@code BoxMean} and {@code Median}, with ITK's
 * kernels, pass order, intermediate pixel types and boundaries (the border voxel repeated outside
 * the image — zero-flux Neumann — except {@code BoxMean}, which averages only the voxels inside the
 * image). The diffusion filters live in {@link Diffusion}.
 */
final class Smoothing implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "DiscreteGaussian", Smoothing::discreteGaussian,
        "RecursiveGaussian", Smoothing::recursiveGaussian,
        "SmoothingRecursiveGaussian", Smoothing::smoothingRecursiveGaussian,
        "Mean", call -> mean(call, false),
        "BoxMean", call -> mean(call, true),
        "Median", Smoothing::median);
  }

  // DiscreteGaussian --------------------------------------------------------------------------

  /**
   * ITK's {@code DiscreteGaussianImageFilter}: one {@link GaussianOperator} per axis (the variance
   * divided by the squared spacing when {@code useImageSpacing}), applied as separable correlations
   * from the last axis to the first, each pass stored in the output pixel type — the input's:
   * integer images truncate after every pass, as ITK's do.
   */
  private static ImageValue discreteGaussian(Call call) {
    Volume in = Volume.of(call.image("image1"));
    int dimension = in.dimension();
    double[] variance = call.reals("variance", dimension);
    double maximumError = call.real("maximumError");
    long maximumKernelWidth = call.integer("maximumKernelWidth");
    boolean useImageSpacing = call.flag("useImageSpacing");
    double[] current = in.values();
    for (int axis = dimension - 1; axis >= 0; axis--) {
      double v = variance[axis];
      if (useImageSpacing) {
        double s = in.spacing(axis);
        v = v / (s * s);
      }
      double[] kernel = GaussianOperator.coefficients(v, maximumError, maximumKernelWidth);
      current = correlate(current, in.grid(), axis, kernel);
      Volume.store(in.dtype(), current);
    }
    return in.toImage(in.dtype(), current == in.values() ? current.clone() : current);
  }

  /**
   * {@code out[i] = Σ_j kernel[j] · in[i + j - r]} along {@code axis}, border voxels repeated,
   * summed from the lowest offset up as ITK's inner product sums.
   */
  static double[] correlate(double[] in, Grid grid, int axis, double[] kernel) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    int r = kernel.length / 2;
    double[] out = new double[in.length];
    if (axis > 0) {
      // Whole rows (y) or planes (z) at a time: per voxel the same sum in the same order, with
      // contiguous reads the JIT vectorises.
      int blocks = in.length / (stride * n);
      Lines.parallel(
          blocks * n,
          (long) in.length * kernel.length,
          (from, to) -> {
            for (int k = from; k < to; k++) {
              int p = k % n;
              int block = (k / n) * stride * n;
              int row = block + p * stride;
              for (int j = 0; j < kernel.length; j++) {
                int source = block + Math.min(Math.max(p + j - r, 0), n - 1) * stride;
                double c = kernel[j];
                for (int i = 0; i < stride; i++) {
                  out[row + i] += c * in[source + i];
                }
              }
            }
          });
      return out;
    }
    Lines.forEach(
        grid,
        axis,
        (from, to) -> {
          double[] line = new double[n + 2 * r];
          for (int k = from; k < to; k++) {
            int base = Lines.start(grid, axis, k);
            for (int p = 0; p < line.length; p++) {
              int i = Math.min(Math.max(p - r, 0), n - 1);
              line[p] = in[base + i * stride];
            }
            for (int i = 0; i < n; i++) {
              double sum = 0.0;
              for (int j = 0; j < kernel.length; j++) {
                sum += kernel[j] * line[i + j];
              }
              out[base + i * stride] = sum;
            }
          }
        });
    return out;
  }

  // Recursive Gaussians -----------------------------------------------------------------------

  /** ITK's {@code RecursiveGaussianImageFilter} along {@code direction}; {@code float32} out. */
  private static ImageValue recursiveGaussian(Call call) {
    Volume in = Volume.of(call.image("image1"));
    long direction = call.integer("direction");
    if (direction >= in.dimension()) {
      throw call.failure("Direction selected for filtering is greater than ImageDimension");
    }
    int axis = (int) direction;
    DericheFilter filter =
        deriche(
            call,
            in,
            call.real("sigma"),
            axis,
            (int) call.integer("order"),
            call.flag("normalizeAcrossScale"));
    double[] out = recursive(in.values(), in.grid(), axis, filter);
    return in.toImage(DType.FLOAT32, out);
  }

  /**
   * ITK's {@code SmoothingRecursiveGaussianImageFilter}: order-0 recursive Gaussians along the last
   * axis, then the others from the first; intermediate images are {@code float} ({@code double} for
   * a {@code float64} input); the result is {@code float32}.
   */
  private static ImageValue smoothingRecursiveGaussian(Call call) {
    Volume in = Volume.of(call.image("image1"));
    int dimension = in.dimension();
    double[] sigma = call.reals("sigma", dimension);
    boolean normalize = call.flag("normalizeAcrossScale");
    return in.toImage(DType.FLOAT32, smoothRecursive(call, in, sigma, normalize));
  }

  /** The separable recursive smoothing, as {@code float} (or {@code double}) values. */
  static double[] smoothRecursive(Call call, Volume in, double[] sigma, boolean normalize) {
    int dimension = in.dimension();
    for (int d = 0; d < dimension; d++) {
      if (in.grid().extent(d) < 4) {
        throw call.failure(
            "The number of pixels along dimension "
                + d
                + " is less than 4. This"
                + " filter requires a minimum of four pixels along the dimension to be processed.");
      }
    }
    DType internal = in.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    double[] current = in.values();
    int[] order = new int[dimension];
    order[0] = dimension - 1;
    for (int i = 1; i < dimension; i++) {
      order[i] = i - 1;
    }
    for (int axis : order) {
      DericheFilter filter = deriche(call, in, sigma[axis], axis, DericheFilter.ZERO, normalize);
      current = recursive(current, in.grid(), axis, filter);
      Volume.store(internal, current);
    }
    return current;
  }

  static DericheFilter deriche(
      Call call, Volume in, double sigma, int axis, int order, boolean normalize) {
    if (sigma <= 0.0) {
      throw call.failure("Sigma must be greater than zero.");
    }
    if (in.grid().extent(axis) < 4) {
      throw call.failure(
          "The number of pixels along direction "
              + axis
              + " is less than 4. This"
              + " filter requires a minimum of four pixels along the dimension to be processed.");
    }
    try {
      return new DericheFilter(sigma, in.spacing(axis), order, normalize);
    } catch (IllegalArgumentException e) {
      throw call.failure(e.getMessage());
    }
  }

  /** Neighbouring lines along y or z that {@link #recursive} filters side by side. */
  private static final int RECURSIVE_WIDTH = 64;

  /**
   * {@code filter} over every line along {@code axis}, in {@code double}: along x one line at a
   * time, along y and z {@value #RECURSIVE_WIDTH} neighbouring lines at once (see {@link
   * DericheFilter#filter}).
   */
  static double[] recursive(double[] in, Grid grid, int axis, DericheFilter filter) {
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    double[] out = new double[in.length];
    int width = Math.min(stride, RECURSIVE_WIDTH);
    int perBlock = (stride + width - 1) / width;
    int blocks = in.length / (stride * n);
    Lines.parallel(
        blocks * perBlock,
        in.length,
        (from, to) -> {
          double[] scratch = new double[n * width];
          for (int t = from; t < to; t++) {
            int inner = (t % perBlock) * width;
            int first = (t / perBlock) * stride * n + inner;
            filter.filter(out, in, first, stride, Math.min(width, stride - inner), n, scratch);
          }
        });
    return out;
  }

  // Mean, BoxMean, Median ---------------------------------------------------------------------

  /**
   * ITK's {@code MeanImageFilter} (border voxels repeated, divided by the window size) or {@code
   * BoxMeanImageFilter} (only the voxels inside the image, divided by their count); the sum in
   * {@code double} by separable running sums, stored in the input's pixel type.
   */
  private static ImageValue mean(Call call, boolean insideOnly) {
    Volume in = Volume.of(call.image("image1"));
    int dimension = in.dimension();
    long[] radius = call.integers("radius", dimension);
    double[] sum = in.values();
    double[] count = insideOnly ? filled(sum.length, 1.0) : null;
    double size = 1;
    for (int axis = 0; axis < dimension; axis++) {
      int r = clampRadius(call, radius[axis]);
      size *= 2 * r + 1;
      sum = windowSum(sum, in.grid(), axis, r, !insideOnly);
      if (insideOnly) {
        count = windowSum(count, in.grid(), axis, r, false);
      }
    }
    double[] out = new double[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = sum[i] / (insideOnly ? count[i] : size);
    }
    return in.toImage(in.dtype(), out);
  }

  private static int clampRadius(Call call, long radius) {
    if (radius > 1 << 16) {
      throw call.failure("radius " + radius + " is larger than VoxBeam supports (65536)");
    }
    return (int) radius;
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  /**
   * The sum of {@code in[i - r .. i + r]} along {@code axis}: with border voxels repeated when
   * {@code repeatBorder}, else over the voxels inside only. Along x (and for wide windows) a
   * running sum; exact for integers either way.
   */
  static double[] windowSum(double[] in, Grid grid, int axis, int r, boolean repeatBorder) {
    if (r == 0) {
      return in;
    }
    int n = grid.extent(axis);
    int stride = grid.stride(axis);
    double[] out = new double[in.length];
    if (axis > 0 && r <= 8) {
      // Whole rows (y) or planes (z) added up directly: O(voxels × r), contiguous and vectorised.
      int blocks = in.length / (stride * n);
      Lines.parallel(
          blocks * n,
          (long) in.length * (2 * r + 1),
          (from, to) -> {
            for (int k = from; k < to; k++) {
              int p = k % n;
              int block = (k / n) * stride * n;
              int row = block + p * stride;
              for (int j = p - r; j <= p + r; j++) {
                if (!repeatBorder && (j < 0 || j >= n)) {
                  continue;
                }
                int source = block + Math.min(Math.max(j, 0), n - 1) * stride;
                for (int i = 0; i < stride; i++) {
                  out[row + i] += in[source + i];
                }
              }
            }
          });
      return out;
    }
    Lines.forEach(
        grid,
        axis,
        (from, to) -> {
          double[] prefix = new double[n + 2 * r + 1];
          for (int k = from; k < to; k++) {
            int base = Lines.start(grid, axis, k);
            for (int p = 0; p < n + 2 * r; p++) {
              int i = p - r;
              double v;
              if (i >= 0 && i < n) {
                v = in[base + i * stride];
              } else if (repeatBorder) {
                v = in[base + Math.min(Math.max(i, 0), n - 1) * stride];
              } else {
                v = 0.0;
              }
              prefix[p + 1] = prefix[p] + v;
            }
            for (int i = 0; i < n; i++) {
              out[base + i * stride] = prefix[i + 2 * r + 1] - prefix[i];
            }
          }
        });
    return out;
  }

  /**
   * ITK's {@code MedianImageFilter}: the middle value of the {@code (2r+1)^d} window, border voxels
   * repeated; the window size is odd, so the median is one of its values.
   */
  private static ImageValue median(Call call) {
    Volume in = Volume.of(call.image("image1"));
    int dimension = in.dimension();
    long[] radius = call.integers("radius", dimension);
    int[] r = new int[3];
    long size = 1;
    for (int axis = 0; axis < dimension; axis++) {
      r[axis] = clampRadius(call, radius[axis]);
      size *= 2L * r[axis] + 1;
    }
    if (size > 1 << 20) {
      throw call.failure("a median window of " + size + " voxels is larger than VoxBeam supports");
    }
    Grid grid = in.grid();
    double[] v = in.values();
    double[] out = new double[v.length];
    int windowSize = (int) size;
    Lines.forEach(
        grid,
        0,
        (from, to) -> {
          double[] window = new double[windowSize];
          for (int k = from; k < to; k++) {
            int y = k % grid.ny();
            int z = k / grid.ny();
            for (int x = 0; x < grid.nx(); x++) {
              int w = 0;
              for (int dz = -r[2]; dz <= r[2]; dz++) {
                int zz = Math.min(Math.max(z + dz, 0), grid.nz() - 1);
                for (int dy = -r[1]; dy <= r[1]; dy++) {
                  int yy = Math.min(Math.max(y + dy, 0), grid.ny() - 1);
                  int row = grid.index(0, yy, zz);
                  for (int dx = -r[0]; dx <= r[0]; dx++) {
                    window[w++] = v[row + Math.min(Math.max(x + dx, 0), grid.nx() - 1)];
                  }
                }
              }
              out[grid.index(x, y, z)] = select(window, windowSize / 2);
            }
          }
        });
    return in.toImage(in.dtype(), out);
  }

  /** The {@code k}-th smallest of {@code a} (Hoare's selection; reorders {@code a}). */
  static double select(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }
}
