package org.voxbeam.operators.simpleitk;

import java.util.Map;
import java.util.stream.IntStream;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.ImageOutput;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.Voxels;

/**
 * {@code Resample} with the identity transform, onto a reference image's grid or a grid given by
 * size, origin, spacing and direction, and {@code Expand}; nearest-neighbour and linear
 * interpolation ({@link Interpolation}).
 *
 * <p>Resampling maps points as ITK's {@code ResampleImageFilter} does for a linear transform: the
 * continuous input indices of each output row's first voxel and of the voxel one past its end are
 * computed, and the voxels between are interpolated along that segment, so the indices agree with
 * ITK's to the last bit. Output voxels whose index falls outside the input (more than half a voxel
 * beyond the edge centres) get the default value, or the nearest voxel with {@code
 * useNearestNeighborExtrapolator}. Interpolated values are clamped to the output pixel type's range
 * before conversion, as ITK clamps them.
 */
final class Resampling implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of("Resample", Resampling::resample, "Expand", Resampling::expand);
  }

  private static Value resample(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    ImageGeometry target;
    if (call.has("referenceImage")) {
      target = call.image("referenceImage").geometry();
      if (target.dimension() != dims) {
        throw call.failure(
            "the reference image is " + target.dimension() + "D, the image " + dims + "D");
      }
    } else if (call.has("size")) {
      target = grid(call, dims);
    } else {
      target = g;
    }
    Interpolation interpolation = Interpolation.of(call, call.integer("interpolator"));
    DType output =
        call.pixelId("outputPixelType")
            .map(
                id ->
                    id.dtype()
                        .orElseThrow(
                            () ->
                                call.failure(
                                    "cannot resample to "
                                        + id.description()
                                        + ": VoxBeam images hold scalar pixels")))
            .orElse(image.dtype());
    return resample(
        Voxels.of(image),
        target,
        interpolation,
        call.real("defaultPixelValue"),
        output,
        call.flag("useNearestNeighborExtrapolator"));
  }

  /** The output grid of the size overload; an empty direction is the identity. */
  private static ImageGeometry grid(Call call, int dims) {
    long[] size = call.integers("size", dims);
    double[] origin = call.reals("outputOrigin", dims);
    double[] spacing = call.reals("outputSpacing", dims);
    double[] direction = call.reals("outputDirection");
    if (direction.length == 0) {
      direction = new double[dims * dims];
      for (int i = 0; i < dims; i++) {
        direction[i * dims + i] = 1.0;
      }
    } else if (direction.length != dims * dims) {
      throw call.failure(
          "outputDirection has "
              + direction.length
              + " values; a "
              + dims
              + "D direction matrix has "
              + dims * dims);
    }
    for (long s : size) {
      if (s < 1) {
        throw call.failure("the output size must be at least 1 along every axis");
      }
    }
    return AxisMaps.geometry(size, spacing, origin, direction);
  }

  static ImageValue resample(
      Voxels input,
      ImageGeometry target,
      Interpolation interpolation,
      double defaultValue,
      DType output,
      boolean extrapolate) {
    PhysicalSpace from = PhysicalSpace.of(target);
    PhysicalSpace to = PhysicalSpace.of(input.geometry());
    Grid out = Grid.of(target);
    int dims = target.dimension();
    double lowest = lowest(output);
    double highest = highest(output);
    ImageOutput result = new ImageOutput(target, output);
    double width = out.nx();
    IntStream.range(0, out.nz())
        .parallel()
        .forEach(
            z -> {
              Interpolation.Sampler sampler = interpolation.sampler(input);
              long[] index = new long[dims];
              double[] c = new double[dims];
              for (int y = 0; y < out.ny(); y++) {
                index[0] = 0;
                index[1] = y;
                if (dims == 3) {
                  index[2] = z;
                }
                double[] start = to.continuousIndex(from.point(index));
                index[0] = out.nx();
                double[] end = to.continuousIndex(from.point(index));
                double[] delta = new double[dims];
                for (int axis = 0; axis < dims; axis++) {
                  delta[axis] = end[axis] - start[axis];
                }
                for (int x = 0; x < out.nx(); x++) {
                  double alpha = x / width;
                  for (int axis = 0; axis < dims; axis++) {
                    c[axis] = start[axis] + alpha * delta[axis];
                  }
                  int at = out.index(x, y, z);
                  if (sampler.inside(c)) {
                    result.set(at, clamp(sampler.at(c), lowest, highest));
                  } else if (extrapolate) {
                    result.set(at, clamp(sampler.extrapolate(c), lowest, highest));
                  } else {
                    result.set(at, defaultValue);
                  }
                }
              }
            });
    return result.toValue();
  }

  /**
   * ITK's {@code ExpandImageFilter}: each axis f times finer, the output voxel centres placed so
   * the expanded image covers the input's extent; values interpolated at (i + 0.5) / f - 0.5, x
   * advancing by 1 / f per voxel along each row, as ITK accumulates it.
   */
  private static Value expand(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] factors = call.integers("expandFactors", dims);
    Interpolation interpolation = Interpolation.of(call, call.integer("interpolator"));
    long[] size = new long[dims];
    double[] spacing = new double[dims];
    double[] shift = new double[dims];
    for (int i = 0; i < dims; i++) {
      factors[i] = Math.max(1, factors[i]);
      double s = g.spacing().get(i);
      spacing[i] = s / (double) (float) factors[i];
      size[i] = g.size().get(i) * factors[i];
      double fraction = (double) (factors[i] - 1) / (double) factors[i];
      shift[i] = -(s / 2.0) * fraction;
    }
    double[] origin = new double[dims];
    for (int r = 0; r < dims; r++) {
      double sum = 0.0;
      for (int c = 0; c < dims; c++) {
        sum += g.direction().get(r * dims + c) * shift[c];
      }
      origin[r] = g.origin().get(r) + sum;
    }
    ImageGeometry target = AxisMaps.geometry(size, spacing, origin, AxisMaps.array(g.direction()));
    Voxels input = Voxels.of(image);
    Grid out = Grid.of(target);
    ImageOutput result = new ImageOutput(target, image.dtype());
    double lineDelta = 1.0 / (double) factors[0];
    IntStream.range(0, out.nz())
        .parallel()
        .forEach(
            z -> {
              Interpolation.Sampler sampler = interpolation.sampler(input);
              double[] c = new double[dims];
              for (int y = 0; y < out.ny(); y++) {
                c[0] = (0.0 + 0.5) / (double) factors[0] - 0.5;
                c[1] = ((double) y + 0.5) / (double) factors[1] - 0.5;
                if (dims == 3) {
                  c[2] = ((double) z + 0.5) / (double) factors[2] - 0.5;
                }
                for (int x = 0; x < out.nx(); x++) {
                  result.set(out.index(x, y, z), sampler.at(c));
                  c[0] += lineDelta;
                }
              }
            });
    return result.toValue();
  }

  private static double clamp(double value, double lowest, double highest) {
    return value <= lowest ? lowest : value >= highest ? highest : value;
  }

  /**
   * The lowest value of a pixel type as a double. For 64-bit integers the largest double inside the
   * range stands for the bound, which a double cannot hold exactly.
   */
  private static double lowest(DType dtype) {
    return switch (dtype) {
      case BOOL, UINT8, UINT16, UINT32, UINT64 -> 0;
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> -0x1p63;
      case FLOAT32 -> -Float.MAX_VALUE;
      case FLOAT64 -> -Double.MAX_VALUE;
    };
  }

  private static double highest(DType dtype) {
    return switch (dtype) {
      case BOOL, UINT8 -> 255;
      case INT8 -> Byte.MAX_VALUE;
      case UINT16 -> 65535;
      case INT16 -> Short.MAX_VALUE;
      case UINT32 -> 4294967295.0;
      case INT32 -> Integer.MAX_VALUE;
      case UINT64 -> Math.nextDown(0x1p64);
      case INT64 -> Math.nextDown(0x1p63);
      case FLOAT32 -> Float.MAX_VALUE;
      case FLOAT64 -> Double.MAX_VALUE;
    };
  }
}
