package org.voxbeam.operators.simpleitk;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.ImageOutput;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.image.ops.Extract;

/**
 * Regions and the grid of one image: {@code Extract}, {@code Crop}, {@code RegionOfInterest}, the
 * pads ({@code ConstantPad}, {@code MirrorPad}, {@code WrapPad}, {@code ZeroFluxNeumannPad}),
 * {@code Flip}, {@code PermuteAxes}, {@code Shrink} and {@code BinShrink}.
 *
 * <p>Geometry follows ITK and then SimpleITK: ITK gives the output region a start index (the crop's
 * lower bound, minus the pad's lower bound), and SimpleITK, whose images always start at index 0,
 * moves the origin to that index's physical point ({@link PhysicalSpace}). Voxels move as bytes, so
 * every pixel type is exact.
 */
final class Regions implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        entry(
            "Extract",
            call ->
                Extract.of(
                    call.image("image1"),
                    call.integers("size"),
                    call.integers("index"),
                    (int) call.integer("directionCollapseToStrategy"))),
        entry("Crop", Regions::crop),
        entry("RegionOfInterest", Regions::regionOfInterest),
        entry("ConstantPad", call -> pad(call, Padding.CONSTANT)),
        entry("MirrorPad", call -> pad(call, Padding.MIRROR)),
        entry("WrapPad", call -> pad(call, Padding.WRAP)),
        entry("ZeroFluxNeumannPad", call -> pad(call, Padding.ZERO_FLUX)),
        entry("Flip", Regions::flip),
        entry("PermuteAxes", Regions::permuteAxes),
        entry("Shrink", Regions::shrink),
        entry("BinShrink", Regions::binShrink));
  }

  private static Value crop(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] lower = call.integers("lowerBoundaryCropSize", dims);
    long[] upper = call.integers("upperBoundaryCropSize", dims);
    long[] size = new long[dims];
    for (int axis = 0; axis < dims; axis++) {
      size[axis] = g.size().get(axis) - lower[axis] - upper[axis];
      if (size[axis] < 0) {
        throw call.failure(
            "the input image's size " + g.size() + " is less than the total of the crop size");
      }
      if (size[axis] == 0) {
        throw call.failure(
            "cropping "
                + Arrays.toString(lower)
                + " and "
                + Arrays.toString(upper)
                + " from an image of size "
                + g.size()
                + " leaves no voxels along axis "
                + axis);
      }
    }
    return subregion(image, lower, size);
  }

  private static Value regionOfInterest(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] size = call.integers("size", dims);
    long[] index = call.integers("index", dims);
    for (int axis = 0; axis < dims; axis++) {
      if (size[axis] == 0 || index[axis] < 0 || index[axis] + size[axis] > g.size().get(axis)) {
        throw call.failure(
            "the region at "
                + Arrays.toString(index)
                + " of size "
                + Arrays.toString(size)
                + " is not inside the image of size "
                + g.size());
      }
    }
    return subregion(image, index, size);
  }

  /** The region {@code start}…{@code start + size - 1}, its origin at its first voxel. */
  private static ImageValue subregion(ImageValue image, long[] start, long[] size) {
    ImageGeometry g = image.geometry();
    int[][] maps = new int[g.dimension()][];
    for (int axis = 0; axis < maps.length; axis++) {
      maps[axis] = AxisMaps.range(start[axis], size[axis]);
    }
    ImageGeometry out =
        AxisMaps.geometry(
            size,
            AxisMaps.array(g.spacing()),
            AxisMaps.array(PhysicalSpace.of(g).originAt(start)),
            AxisMaps.array(g.direction()));
    return AxisMaps.copy(image, out, AxisMaps.complete(maps), 0.0);
  }

  /** How a pad fills an output index {@code i} (input coordinates) of an axis of extent n. */
  private enum Padding {
    CONSTANT,
    MIRROR,
    WRAP,
    ZERO_FLUX;

    int source(long i, long n) {
      return (int)
          switch (this) {
            case CONSTANT -> i >= 0 && i < n ? i : AxisMaps.CONSTANT;
            case ZERO_FLUX -> Math.max(0, Math.min(n - 1, i));
            case WRAP -> Math.floorMod(i, n);
            case MIRROR -> {
              long k = Math.floorMod(i, 2 * n);
              yield k < n ? k : 2 * n - 1 - k;
            }
          };
    }
  }

  private static Value pad(Call call, Padding padding) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] lower = call.integers("padLowerBound", dims);
    long[] upper = call.integers("padUpperBound", dims);
    long[] size = new long[dims];
    long[] start = new long[dims];
    int[][] maps = new int[dims][];
    for (int axis = 0; axis < dims; axis++) {
      long n = g.size().get(axis);
      size[axis] = n + lower[axis] + upper[axis];
      start[axis] = -lower[axis];
      maps[axis] = new int[Math.toIntExact(size[axis])];
      for (int i = 0; i < maps[axis].length; i++) {
        maps[axis][i] = padding.source(i - lower[axis], n);
      }
    }
    ImageGeometry out =
        AxisMaps.geometry(
            size,
            AxisMaps.array(g.spacing()),
            AxisMaps.array(PhysicalSpace.of(g).originAt(start)),
            AxisMaps.array(g.direction()));
    if (padding == Padding.MIRROR) {
      double base = Math.max(Double.MIN_NORMAL, Math.min(1.0, call.real("decayBase")));
      if (base != 1.0) {
        return decayed(image, out, maps, lower, base);
      }
    }
    double constant = padding == Padding.CONSTANT ? call.real("constant") : 0.0;
    return AxisMaps.copy(image, out, AxisMaps.complete(maps), constant);
  }

  /**
   * ITK's {@code MirrorPadImageFilter} with a decay base: a mirrored voxel is the input voxel times
   * base<sup>d</sup>, where d adds, over the axes, half the distance (rounded up) between the
   * output index and the input index it mirrors. ITK clamps the base to (0, 1].
   */
  private static ImageValue decayed(
      ImageValue image, ImageGeometry out, int[][] maps, long[] lower, double base) {
    Voxels in = Voxels.of(image);
    Grid grid = in.grid();
    int[][] full = AxisMaps.complete(maps);
    long[] shift = Arrays.copyOf(lower, 3);
    ImageOutput result = new ImageOutput(out, image.dtype());
    int cursor = 0;
    for (int z = 0; z < full[2].length; z++) {
      for (int y = 0; y < full[1].length; y++) {
        for (int x = 0; x < full[0].length; x++) {
          long distance =
              (Math.abs(x - shift[0] - full[0][x]) + 1) / 2
                  + (Math.abs(y - shift[1] - full[1][y]) + 1) / 2
                  + (Math.abs(z - shift[2] - full[2][z]) + 1) / 2;
          double value = in.get(grid.index(full[0][x], full[1][y], full[2][z]));
          result.set(cursor++, value * Math.pow(base, distance));
        }
      }
    }
    return result.toValue();
  }

  private static Value flip(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    boolean[] given = call.flags("flipAxes");
    if (given.length < dims) {
      throw call.failure("flipAxes needs " + dims + " values for a " + dims + "D image");
    }
    boolean[] axes = Arrays.copyOf(given, dims);
    boolean aboutOrigin = call.flag("flipAboutOrigin");
    long[] size = AxisMaps.sizes(g);
    long[] last = new long[dims];
    int[][] maps = new int[dims][];
    double[] direction = AxisMaps.array(g.direction());
    for (int axis = 0; axis < dims; axis++) {
      int n = Math.toIntExact(size[axis]);
      maps[axis] = new int[n];
      for (int i = 0; i < n; i++) {
        maps[axis][i] = axes[axis] ? n - 1 - i : i;
      }
      last[axis] = axes[axis] ? n - 1 : 0;
      double sign = axes[axis] && !aboutOrigin ? -1.0 : 1.0;
      for (int row = 0; row < dims; row++) {
        direction[row * dims + axis] = 0.0 + direction[row * dims + axis] * sign;
      }
    }
    double[] origin = PhysicalSpace.of(g).point(last);
    if (aboutOrigin) {
      for (int axis = 0; axis < dims; axis++) {
        if (axes[axis]) {
          origin[axis] *= -1;
        }
      }
    }
    ImageGeometry out = AxisMaps.geometry(size, AxisMaps.array(g.spacing()), origin, direction);
    return AxisMaps.copy(image, out, AxisMaps.complete(maps), 0.0);
  }

  private static Value permuteAxes(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] order = call.integers("order", dims);
    boolean[] used = new boolean[dims];
    for (long axis : order) {
      if (axis < 0 || axis >= dims) {
        throw call.failure("order indices " + Arrays.toString(order) + " are out of range");
      }
      if (used[(int) axis]) {
        throw call.failure("order indices " + Arrays.toString(order) + " must not repeat");
      }
      used[(int) axis] = true;
    }
    long[] size = new long[dims];
    double[] spacing = new double[dims];
    double[] direction = new double[dims * dims];
    for (int j = 0; j < dims; j++) {
      int from = (int) order[j];
      size[j] = g.size().get(from);
      spacing[j] = g.spacing().get(from);
      for (int i = 0; i < dims; i++) {
        direction[i * dims + j] = g.direction().get(i * dims + from);
      }
    }
    ImageGeometry out = AxisMaps.geometry(size, spacing, AxisMaps.array(g.origin()), direction);
    Voxels in = Voxels.of(image);
    Grid source = in.grid();
    Grid target = Grid.of(out);
    int width = image.dtype().byteSize();
    byte[] from = AxisMaps.bytes(in);
    byte[] to = new byte[from.length];
    int[] step = new int[3];
    for (int j = 0; j < dims; j++) {
      step[j] = source.stride((int) order[j]);
    }
    int cursor = 0;
    for (int z = 0; z < target.nz(); z++) {
      for (int y = 0; y < target.ny(); y++) {
        for (int x = 0; x < target.nx(); x++) {
          int at = x * step[0] + y * step[1] + z * step[2];
          System.arraycopy(from, at * width, to, cursor, width);
          cursor += width;
        }
      }
    }
    return new ImageValue(out, image.dtype(), InMemoryBlob.adopt(to));
  }

  private static long[] factors(Call call, int dims) {
    long[] factors = call.integers("shrinkFactors", dims);
    for (long f : factors) {
      if (f < 1) {
        throw call.failure("shrink factors must be at least 1, got " + Arrays.toString(factors));
      }
    }
    return factors;
  }

  /**
   * ITK's {@code ShrinkImageFilter}: every f-th voxel, the output centred on the input (its origin
   * moves so both grids have the same physical centre), the first sample the input voxel nearest
   * the output origin.
   */
  private static Value shrink(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] factors = factors(call, dims);
    long[] size = new long[dims];
    double[] spacing = new double[dims];
    double[] inputCentre = new double[dims];
    double[] outputCentre = new double[dims];
    for (int i = 0; i < dims; i++) {
      long n = g.size().get(i);
      spacing[i] = g.spacing().get(i) * (double) factors[i];
      size[i] = Math.max(1, (long) Math.floor((double) n / (double) factors[i]));
      inputCentre[i] = (n - 1) / 2.0;
      outputCentre[i] = (size[i] - 1) / 2.0;
    }
    double[] inputOrigin = AxisMaps.array(g.origin());
    PhysicalSpace input = PhysicalSpace.of(g);
    PhysicalSpace unshifted =
        PhysicalSpace.of(
            AxisMaps.geometry(size, spacing, inputOrigin, AxisMaps.array(g.direction())));
    double[] inCentre = input.pointOfContinuousIndex(inputCentre);
    double[] outCentre = unshifted.pointOfContinuousIndex(outputCentre);
    double[] origin = new double[dims];
    for (int i = 0; i < dims; i++) {
      origin[i] = inputOrigin[i] + (inCentre[i] - outCentre[i]);
    }
    long[] first = input.index(origin);
    int[][] maps = new int[dims][];
    for (int axis = 0; axis < dims; axis++) {
      long offset = Math.max(0, first[axis]);
      maps[axis] = new int[Math.toIntExact(size[axis])];
      for (int i = 0; i < maps[axis].length; i++) {
        maps[axis][i] = Math.toIntExact(i * factors[axis] + offset);
      }
    }
    ImageGeometry out = AxisMaps.geometry(size, spacing, origin, AxisMaps.array(g.direction()));
    return AxisMaps.copy(image, out, AxisMaps.complete(maps), 0.0);
  }

  /**
   * ITK's {@code BinShrinkImageFilter}: the mean of each f<sub>x</sub> × f<sub>y</sub> ×
   * f<sub>z</sub> bin, summed in {@code double} in ITK's order (rows of the bin in raster order)
   * and multiplied by the reciprocal of the bin's voxel count; integer outputs round half up.
   */
  private static Value binShrink(Call call) {
    ImageValue image = call.image("image1");
    ImageGeometry g = image.geometry();
    int dims = g.dimension();
    long[] factors = factors(call, dims);
    long[] size = new long[dims];
    double[] spacing = new double[dims];
    double[] firstBinCentre = new double[dims];
    long samples = 1;
    for (int i = 0; i < dims; i++) {
      spacing[i] = g.spacing().get(i) * factors[i];
      firstBinCentre[i] = 0.5 * (factors[i] - 1);
      size[i] = (long) Math.floor((double) g.size().get(i) / (double) factors[i]);
      samples *= factors[i];
      if (size[i] < 1) {
        throw call.failure(
            "the input image is too small: an output pixel does not map to a" + " whole input bin");
      }
    }
    double[] origin = PhysicalSpace.of(g).pointOfContinuousIndex(firstBinCentre);
    ImageGeometry outGeometry =
        AxisMaps.geometry(size, spacing, origin, AxisMaps.array(g.direction()));
    Voxels in = Voxels.of(image);
    Grid source = in.grid();
    Grid target = Grid.of(outGeometry);
    long[] f = Arrays.copyOf(factors, 3);
    if (dims == 2) {
      f[2] = 1;
    }
    double reciprocal = 1.0 / (double) samples;
    boolean integer = image.dtype() != DType.FLOAT32 && image.dtype() != DType.FLOAT64;
    ImageOutput out = new ImageOutput(outGeometry, image.dtype());
    int cursor = 0;
    for (int z = 0; z < target.nz(); z++) {
      for (int y = 0; y < target.ny(); y++) {
        for (int x = 0; x < target.nx(); x++) {
          double sum = 0.0;
          boolean first = true;
          for (int oz = 0; oz < f[2]; oz++) {
            for (int oy = 0; oy < f[1]; oy++) {
              int row =
                  source.index((int) (x * f[0]), (int) (y * f[1] + oy), (int) (z * f[2] + oz));
              for (int ox = 0; ox < f[0]; ox++) {
                double v = in.get(row + ox);
                sum = first ? v : sum + v;
                first = false;
              }
            }
          }
          double mean = sum * reciprocal;
          out.set(cursor++, integer ? PhysicalSpace.roundHalfUp(mean) : mean);
        }
      }
    }
    return out.toValue();
  }
}
