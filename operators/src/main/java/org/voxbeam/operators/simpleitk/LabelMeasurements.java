package org.voxbeam.operators.simpleitk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * Measurements per label, VoxBeam extensions of the {@code simpleitk} namespace: SimpleITK has
 * these filters ({@code LabelStatisticsImageFilter}, {@code LabelShapeStatisticsImageFilter}) but
 * no procedure for them, since their results are read through getters, so VoxLogicA-2 cannot call
 * them. VoxBeam returns every getter's value at once: a mapping from each label (its decimal value,
 * in increasing label order) to a mapping from SimpleITK's measurement names to values.
 *
 * <p>{@code LabelStatistics(image, labelImage)} is ITK's {@code LabelStatisticsImageFilter} for
 * every label present, background included: {@code Count}, {@code Minimum}, {@code Maximum}, {@code
 * Mean}, {@code Sigma}, {@code Variance} (unbiased, 0 for one voxel), {@code Sum} and {@code
 * BoundingBox} ([min x, max x, min y, max y, …] in index space). Sums are plain {@code double} sums
 * in raster order, ITK's on one thread.
 *
 * <p>{@code LabelShapeStatistics(labelImage, backgroundValue=0)} is ITK's {@code
 * ShapeLabelMapFilter} for every label but the background: {@code NumberOfPixels}, {@code
 * PhysicalSize}, {@code Centroid} (physical), {@code BoundingBox} ([index…, size…]), {@code
 * NumberOfPixelsOnBorder}, {@code PerimeterOnBorder}, {@code PrincipalMoments} (ascending), {@code
 * Elongation}, {@code Flatness}, {@code EquivalentSphericalRadius}, {@code
 * EquivalentSphericalPerimeter} and {@code EquivalentEllipsoidDiameter}. The perimeter, and so
 * roundness, the Feret diameter and the principal axes are not computed.
 */
final class LabelMeasurements implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "LabelStatistics", LabelMeasurements::labelStatistics,
        "LabelShapeStatistics", LabelMeasurements::labelShapeStatistics);
  }

  /** Running statistics of one label. */
  private static final class Intensities {
    long count;
    double minimum = Double.POSITIVE_INFINITY;
    double maximum = Double.NEGATIVE_INFINITY;
    double sum;
    double squares;
    final long[] box;

    Intensities(int dims) {
      box = new long[2 * dims];
      for (int i = 0; i < dims; i++) {
        box[2 * i] = Long.MAX_VALUE;
        box[2 * i + 1] = Long.MIN_VALUE;
      }
    }
  }

  private static Value labelStatistics(Call call) {
    ImageValue image = call.image("image");
    ImageValue labelImage = call.image("labelImage");
    requireIntegerLabels(call, labelImage);
    PhysicalSpace.requireSameSpace(
        image.geometry(), labelImage.geometry(), "labelImage", "LabelStatistics");
    Voxels values = Voxels.of(image);
    Voxels labels = Voxels.of(labelImage);
    Grid grid = values.grid();
    int dims = grid.dimension();
    TreeMap<Long, Intensities> byLabel = new TreeMap<>();
    Intensities current = null;
    long currentKey = 0;
    long[] at = new long[3];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          int i = grid.index(x, y, z);
          long key = LabelKeys.of(labels, i);
          if (current == null || key != currentKey) {
            current = byLabel.computeIfAbsent(key, k -> new Intensities(dims));
            currentKey = key;
          }
          double v = values.get(i);
          current.minimum = Math.min(current.minimum, v);
          current.maximum = Math.max(current.maximum, v);
          current.sum += v;
          current.squares += v * v;
          current.count++;
          at[0] = x;
          at[1] = y;
          at[2] = z;
          for (int axis = 0; axis < dims; axis++) {
            current.box[2 * axis] = Math.min(current.box[2 * axis], at[axis]);
            current.box[2 * axis + 1] = Math.max(current.box[2 * axis + 1], at[axis]);
          }
        }
      }
    }
    Map<String, Value> out = new LinkedHashMap<>();
    byLabel.forEach(
        (key, s) -> {
          double mean = s.sum / s.count;
          double variance =
              s.count > 1 ? (s.squares - s.sum * s.sum / s.count) / (s.count - 1.0) : 0.0;
          Map<String, Value> entry = new LinkedHashMap<>();
          entry.put("Count", new IntegerValue(s.count));
          entry.put("Minimum", new NumberValue(s.minimum));
          entry.put("Maximum", new NumberValue(s.maximum));
          entry.put("Mean", new NumberValue(mean));
          entry.put("Sigma", new NumberValue(variance >= 0.0 ? Math.sqrt(variance) : 0.0));
          entry.put("Variance", new NumberValue(variance));
          entry.put("Sum", new NumberValue(s.sum));
          entry.put("BoundingBox", integers(s.box));
          out.put(LabelKeys.name(labelImage.dtype(), key), new MappingValue(entry));
        });
    return new MappingValue(out);
  }

  /** Running shape sums of one label: ITK's per-object accumulators. */
  private static final class Shape {
    long pixels;
    final double[] centroid;
    final long[] min;
    final long[] max;
    long onBorder;
    double perimeterOnBorder;
    final double[][] moments;

    Shape(int dims) {
      centroid = new double[dims];
      min = new long[dims];
      max = new long[dims];
      java.util.Arrays.fill(min, Long.MAX_VALUE);
      java.util.Arrays.fill(max, Long.MIN_VALUE);
      moments = new double[dims][dims];
    }
  }

  private static Value labelShapeStatistics(Call call) {
    ImageValue labelImage = call.image("image");
    Voxels labels = Voxels.of(labelImage);
    ImageGeometry g = labelImage.geometry();
    Grid grid = labels.grid();
    int dims = grid.dimension();
    long background =
        LabelKeys.of(
            labelImage.dtype(), PixelCast.stored(labelImage.dtype(), call.real("backgroundValue")));
    PhysicalSpace space = PhysicalSpace.of(g);
    double voxelSize = 1;
    for (int i = 0; i < dims; i++) {
      voxelSize *= g.spacing().get(i);
    }
    double[] faceSize = new double[dims];
    for (int i = 0; i < dims; i++) {
      faceSize[i] = voxelSize / g.spacing().get(i);
    }
    TreeMap<Long, Shape> byLabel = new TreeMap<>();
    long[] index = new long[dims];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        int x = 0;
        while (x < grid.nx()) {
          int start = x;
          long key = LabelKeys.of(labels, grid.index(x, y, z));
          while (x < grid.nx() && LabelKeys.of(labels, grid.index(x, y, z)) == key) {
            x++;
          }
          if (key != background) {
            index[0] = start;
            index[1] = y;
            if (dims == 3) {
              index[2] = z;
            }
            addRun(
                byLabel.computeIfAbsent(key, k -> new Shape(dims)),
                index,
                x - start,
                grid,
                g,
                space,
                faceSize);
          }
        }
      }
    }
    Map<String, Value> out = new LinkedHashMap<>();
    double size = voxelSize;
    byLabel.forEach(
        (key, shape) ->
            out.put(LabelKeys.name(labelImage.dtype(), key), shapeValues(shape, space, size)));
    return new MappingValue(out);
  }

  /** One run of a label along x, accumulated as ITK's {@code ShapeLabelMapFilter} does. */
  private static void addRun(
      Shape s,
      long[] idx,
      long length,
      Grid grid,
      ImageGeometry g,
      PhysicalSpace space,
      double[] faceSize) {
    int dims = idx.length;
    s.pixels += length;
    for (int i = 1; i < dims; i++) {
      s.centroid[i] += (double) (length * idx[i]);
    }
    s.centroid[0] += idx[0] * length + (length * (length - 1)) / 2.0;
    for (int i = 0; i < dims; i++) {
      s.min[i] = Math.min(s.min[i], idx[i]);
      s.max[i] = Math.max(s.max[i], idx[i]);
    }
    s.max[0] = Math.max(s.max[0], idx[0] + length - 1);
    long last = idx[0] + length - 1;
    boolean onBorder = false;
    for (int i = 1; i < dims; i++) {
      onBorder |= idx[i] == 0 || idx[i] == grid.extent(i) - 1;
    }
    if (onBorder) {
      s.onBorder += length;
    } else {
      boolean first = idx[0] == 0;
      if (first) {
        s.onBorder++;
      }
      if ((!first || length > 1) && last == grid.nx() - 1) {
        s.onBorder++;
      }
    }
    if (idx[0] == 0) {
      s.perimeterOnBorder += faceSize[0];
    }
    if (last == grid.nx() - 1) {
      s.perimeterOnBorder += faceSize[0];
    }
    for (int i = 1; i < dims; i++) {
      if (idx[i] == 0) {
        s.perimeterOnBorder += faceSize[i] * length;
      }
      if (idx[i] == grid.extent(i) - 1) {
        s.perimeterOnBorder += faceSize[i] * length;
      }
    }
    if (length <= 2) {
      long[] voxel = idx.clone();
      for (long k = 0; k < length; k++) {
        voxel[0] = idx[0] + k;
        double[] p = space.point(voxel);
        for (int i = 0; i < dims; i++) {
          s.moments[i][i] += p[i] * p[i];
          for (int j = i + 1; j < dims; j++) {
            double cm = p[i] * p[j];
            s.moments[i][j] += cm;
            s.moments[j][i] += cm;
          }
        }
      }
      return;
    }
    double[] p = space.point(idx);
    double[] scale = new double[dims];
    for (int i = 0; i < dims; i++) {
      scale[i] = g.spacing().get(0) * g.direction().get(i * dims);
    }
    double c1 = (length - 1.0) / 2.0;
    double c2 = (2.0 * length - 1.0) / 3.0;
    for (int i = 0; i < dims; i++) {
      s.moments[i][i] +=
          length * (p[i] * p[i] + c1 * (2.0 * p[i] * scale[i] + c2 * scale[i] * scale[i]));
      for (int j = i + 1; j < dims; j++) {
        double cm =
            length
                * (p[i] * p[j]
                    + c1 * (p[i] * scale[j] + scale[i] * p[j] + c2 * scale[i] * scale[j]));
        s.moments[j][i] += cm;
        s.moments[i][j] += cm;
      }
    }
  }

  private static MappingValue shapeValues(Shape s, PhysicalSpace space, double voxelSize) {
    int dims = s.centroid.length;
    double[] centroidIndex = new double[dims];
    long[] box = new long[2 * dims];
    double[][] central = new double[dims][dims];
    for (int i = 0; i < dims; i++) {
      centroidIndex[i] = s.centroid[i] / s.pixels;
      box[i] = s.min[i];
      box[dims + i] = s.max[i] - s.min[i] + 1;
      for (int j = 0; j < dims; j++) {
        central[i][j] = s.moments[i][j] / s.pixels;
      }
    }
    double[] centroid = space.pointOfContinuousIndex(centroidIndex);
    for (int i = 0; i < dims; i++) {
      for (int j = 0; j < dims; j++) {
        central[i][j] -= centroid[i] * centroid[j];
      }
    }
    double[] moments = SymmetricEigenvalues.ascending(central);
    double elongation = 0;
    double flatness = 0;
    if (!almostZero(moments[0])) {
      double ratio = moments[1] / moments[0];
      flatness = ratio > 0.0 ? Math.sqrt(ratio) : 0.0;
    }
    if (!almostZero(moments[dims - 2])) {
      double ratio = moments[dims - 1] / moments[dims - 2];
      elongation = ratio > 0.0 ? Math.sqrt(ratio) : 0.0;
    }
    double physicalSize = s.pixels * voxelSize;
    double gamma = dims == 2 ? 1.0 : Math.sqrt(Math.PI) * 3.0 / Math.pow(2, 2.0);
    double radius = Math.pow(physicalSize * gamma / Math.pow(Math.PI, dims * 0.5), 1.0 / dims);
    double perimeter =
        dims * (Math.pow(Math.PI, dims * 0.5) * Math.pow(radius, dims) / gamma) / radius;
    double product = 1.0;
    for (double m : moments) {
      product *= m;
    }
    double geometric = Math.pow(product, 1.0 / dims);
    double[] diameters = new double[dims];
    for (int i = 0; i < dims; i++) {
      diameters[i] =
          geometric != 0.0 && moments[i] / geometric > 0.0
              ? 2.0 * radius * Math.sqrt(moments[i] / geometric)
              : 0.0;
    }
    Map<String, Value> entry = new LinkedHashMap<>();
    entry.put("NumberOfPixels", new IntegerValue(s.pixels));
    entry.put("PhysicalSize", new NumberValue(physicalSize));
    entry.put("Centroid", numbers(centroid));
    entry.put("BoundingBox", integers(box));
    entry.put("NumberOfPixelsOnBorder", new IntegerValue(s.onBorder));
    entry.put("PerimeterOnBorder", new NumberValue(s.perimeterOnBorder));
    entry.put("PrincipalMoments", numbers(moments));
    entry.put("Elongation", new NumberValue(elongation));
    entry.put("Flatness", new NumberValue(flatness));
    entry.put("EquivalentSphericalRadius", new NumberValue(radius));
    entry.put("EquivalentSphericalPerimeter", new NumberValue(perimeter));
    entry.put("EquivalentEllipsoidDiameter", numbers(diameters));
    return new MappingValue(entry);
  }

  /** ITK's {@code Math::AlmostEquals(x, 0.0)} for doubles: within a tenth of machine epsilon. */
  private static boolean almostZero(double x) {
    return Math.abs(x) <= 0.1 * Math.ulp(1.0);
  }

  private static void requireIntegerLabels(Call call, ImageValue labels) {
    if (labels.dtype() == DType.FLOAT32 || labels.dtype() == DType.FLOAT64) {
      throw call.failure(
          "the labelImage must have an integer pixel type, got "
              + PixelId.of(labels.dtype()).description());
    }
  }

  private static SequenceValue integers(long[] values) {
    List<Value> items = new ArrayList<>(values.length);
    for (long v : values) {
      items.add(new IntegerValue(v));
    }
    return new SequenceValue(items);
  }

  private static SequenceValue numbers(double[] values) {
    List<Value> items = new ArrayList<>(values.length);
    for (double v : values) {
      items.add(new NumberValue(v));
    }
    return new SequenceValue(items);
  }
}
