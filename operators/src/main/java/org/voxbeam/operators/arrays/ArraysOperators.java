package org.voxbeam.operators.arrays;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.PythonFloats;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * VoxLogicA-2's {@code arrays} namespace, with its names, argument counts and results: each metric
 * returns the mapping VoxLogicA-2's kernel returns (same keys, same order, {@code int} where Python
 * has an {@code int}), computed with NumPy's semantics on the voxel array.
 */
public final class ArraysOperators implements OperatorLibrary {
  static final String NAMESPACE = "arrays";

  @Override
  public List<Operator> operators() {
    return List.of(
        op(
            "pixel_accuracy",
            Arity.exactly(2),
            "Calculate pixel-wise accuracy between predicted and ground truth images",
            ArraysOperators::pixelAccuracy),
        op(
            "confusion_matrix",
            Arity.between(2, 3),
            "Compute confusion matrix between predicted and ground truth images",
            ConfusionMatrix::of),
        op(
            "dice_score",
            Arity.between(2, 3),
            "Calculate Dice similarity coefficient",
            ArraysOperators::diceScore),
        op(
            "jaccard_index",
            Arity.between(2, 3),
            "Calculate Jaccard index (IoU)",
            ArraysOperators::jaccardIndex),
        op(
            "vector_uint32",
            Arity.exactly(1),
            "Create a list of uint32-compatible values",
            args -> vector(args.get(0), true)),
        op(
            "vector_double",
            Arity.exactly(1),
            "Create a list of double-compatible values",
            args -> vector(args.get(0), false)),
        op(
            "count_pixels",
            Arity.between(1, 2),
            "Count pixels with specific values in an image",
            ArraysOperators::countPixels),
        op(
            "threshold_equal",
            Arity.between(2, 4),
            "Create binary mask where values equal threshold",
            ArraysOperators::thresholdEqual),
        op(
            "array_stats",
            Arity.exactly(1),
            "Compute basic statistics of an image array",
            ArraysOperators::arrayStats),
        op(
            "compare_arrays",
            Arity.exactly(2),
            "Compare two arrays element-wise",
            ArraysOperators::compareArrays));
  }

  private static Operator op(
      String name,
      Arity arity,
      String description,
      java.util.function.Function<Arguments, Value> kernel) {
    return SimpleOperator.pure(
        NAMESPACE,
        name,
        arity,
        description,
        args -> {
          try {
            return kernel.apply(args);
          } catch (OperatorException e) {
            throw e.getMessage().startsWith(name + " failed: ")
                ? e
                : new OperatorException(name + " failed: " + e.getMessage());
          }
        });
  }

  private static Value pixelAccuracy(Arguments args) {
    NumpyArray predicted = NumpyArray.of(args.get(0), "pixel_accuracy");
    NumpyArray truth = NumpyArray.of(args.get(1), "pixel_accuracy");
    if (!predicted.shape().equals(truth.shape())) {
      throw new OperatorException(
          "Shape mismatch: predicted "
              + predicted.shapeText()
              + " vs ground_truth "
              + truth.shapeText());
    }
    long total = predicted.size();
    long correct = 0;
    for (int i = 0; i < total; i++) {
      if (predicted.get(i) == truth.get(i)) {
        correct++;
      }
    }
    return mapping(
        "accuracy", new NumberValue((double) correct / total),
        "correct_pixels", new IntegerValue(correct),
        "total_pixels", new IntegerValue(total),
        "incorrect_pixels", new IntegerValue(total - correct));
  }

  /** Voxels equal to the positive label in each array, and in both. */
  private record Overlap(long predicted, long truth, long both) {
    static Overlap of(Arguments args, String operator) {
      NumpyArray predicted = NumpyArray.of(args.get(0), operator);
      NumpyArray truth = NumpyArray.of(args.get(1), operator);
      if (!predicted.shape().equals(truth.shape())) {
        throw new OperatorException(
            "operands could not be broadcast together with shapes "
                + predicted.shapeText()
                + " "
                + truth.shapeText());
      }
      long label = args.size() > 2 ? pythonInt(args.get(2), "positive_label") : 1;
      double inPredicted = predicted.dtype() == DType.FLOAT32 ? (float) label : label;
      double inTruth = truth.dtype() == DType.FLOAT32 ? (float) label : label;
      long p = 0;
      long t = 0;
      long both = 0;
      for (int i = 0; i < predicted.size(); i++) {
        boolean inP = predicted.get(i) == inPredicted;
        boolean inT = truth.get(i) == inTruth;
        p += inP ? 1 : 0;
        t += inT ? 1 : 0;
        both += inP && inT ? 1 : 0;
      }
      return new Overlap(p, t, both);
    }
  }

  private static Value diceScore(Arguments args) {
    Overlap o = Overlap.of(args, "dice_score");
    return mapping(
        "dice_score", new NumberValue((2.0 * o.both()) / (o.predicted() + o.truth())),
        "intersection", new IntegerValue(o.both()),
        "predicted_positive", new IntegerValue(o.predicted()),
        "ground_truth_positive", new IntegerValue(o.truth()));
  }

  private static Value jaccardIndex(Arguments args) {
    Overlap o = Overlap.of(args, "jaccard_index");
    long union = o.predicted() + o.truth() - o.both();
    double jaccard = union > 0 ? (double) o.both() / union : 0.0;
    return mapping(
        "jaccard_index", new NumberValue(jaccard),
        "iou", new NumberValue(jaccard),
        "intersection", new IntegerValue(o.both()),
        "union", new IntegerValue(union));
  }

  /** {@code [int(v) for v in values]} or {@code [float(v) for v in values]}. */
  private static Value vector(Value values, boolean integers) {
    List<Value> items = iterate(values);
    List<Value> out = new ArrayList<>(items.size());
    for (Value item : items) {
      out.add(
          integers
              ? new IntegerValue(pythonInt(item, "value"))
              : new NumberValue(PythonNumbers.toDouble(item)));
    }
    return new SequenceValue(out);
  }

  private static Value countPixels(Arguments args) {
    NumpyArray image = NumpyArray.of(args.get(0), "count_pixels");
    long total = image.size();
    if (args.size() > 1) {
      Value value = args.get(1);
      double target = PythonNumbers.toDouble(value);
      double compared = image.dtype() == DType.FLOAT32 ? (float) target : target;
      long count = 0;
      for (int i = 0; i < total; i++) {
        if (image.get(i) == compared) {
          count++;
        }
      }
      return mapping(
          "value", new NumberValue(target),
          "count", new IntegerValue(count),
          "total_pixels", new IntegerValue(total),
          "percentage", new NumberValue((double) count / total * 100));
    }
    double[] sorted = NumpyReductions.sorted(image);
    List<Value> uniques = new ArrayList<>();
    List<Value> counts = new ArrayList<>();
    List<Value> percentages = new ArrayList<>();
    int start = 0;
    while (start < sorted.length) {
      int end = start + 1;
      while (end < sorted.length && NumpyReductions.sameUnique(sorted[start], sorted[end])) {
        end++;
      }
      uniques.add(image.pythonElement(sorted[start]));
      counts.add(new IntegerValue(end - start));
      percentages.add(new NumberValue((double) (end - start) / total * 100));
      start = end;
    }
    return mapping(
        "unique_values", new SequenceValue(uniques),
        "counts", new SequenceValue(counts),
        "total_pixels", new IntegerValue(total),
        "percentages", new SequenceValue(percentages));
  }

  /**
   * A {@code uint8} image, with the input's geometry: {@code true_value} where a voxel equals the
   * threshold, {@code false_value} elsewhere (SimpleITK's {@code Equal} against a constant).
   */
  private static Value thresholdEqual(Arguments args) {
    if (!(args.get(0) instanceof ImageValue image)) {
      throw new OperatorException("expected an image, got " + PythonNumbers.typeName(args.get(0)));
    }
    double threshold = PythonNumbers.toDouble(args.get(1));
    byte inside = (byte) pixelValue(args, 2, 1, "true_value");
    byte outside = (byte) pixelValue(args, 3, 0, "false_value");
    Voxels voxels = Voxels.of(image);
    byte[] out = new byte[voxels.voxelCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = voxels.get(i) == threshold ? inside : outside;
    }
    return new ImageValue(
        image.geometry(), DType.UINT8, org.voxbeam.kernel.value.InMemoryBlob.adopt(out));
  }

  private static int pixelValue(Arguments args, int index, int fallback, String what) {
    if (args.size() <= index) {
      return fallback;
    }
    long value = PythonNumbers.toIndex(args.get(index), what);
    if (value < 0 || value > 255) {
      throw new OperatorException(what + " must fit a uint8 voxel (0..255), got " + value);
    }
    return (int) value;
  }

  private static Value arrayStats(Arguments args) {
    NumpyArray image = NumpyArray.of(args.get(0), "array_stats");
    if (image.size() == 0) {
      throw new OperatorException(
          "zero-size array to reduction operation minimum which has no identity");
    }
    double[] sorted = NumpyReductions.sorted(image);
    long unique = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || !NumpyReductions.sameUnique(sorted[i - 1], sorted[i])) {
        unique++;
      }
    }
    return mapping(
        "mean", new NumberValue(NumpyReductions.mean(image)),
        "std", new NumberValue(NumpyReductions.std(image)),
        "min", new NumberValue(NumpyReductions.min(image)),
        "max", new NumberValue(NumpyReductions.max(image)),
        "median", new NumberValue(NumpyReductions.median(image)),
        "shape", new SequenceValue(image.shapeValues()),
        "total_elements", new IntegerValue(image.size()),
        "unique_values", new IntegerValue(unique));
  }

  private static Value compareArrays(Arguments args) {
    NumpyArray first = NumpyArray.of(args.get(0), "compare_arrays");
    NumpyArray second = NumpyArray.of(args.get(1), "compare_arrays");
    if (!first.shape().equals(second.shape())) {
      throw new OperatorException(
          "Shape mismatch: " + first.shapeText() + " vs " + second.shapeText());
    }
    int n = first.size();
    DType type = NumpyTypes.promote(first.dtype(), second.dtype());
    long equal = 0;
    for (int i = 0; i < n; i++) {
      if (first.get(i) == second.get(i)) {
        equal++;
      }
    }
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("shapes_match", BooleanValue.TRUE);
    out.put("elements_equal", new IntegerValue(equal));
    out.put("elements_different", new IntegerValue(n - equal));
    out.put("total_elements", new IntegerValue(n));
    out.put("percent_equal", new NumberValue((double) equal / n * 100));
    if (type == DType.BOOL || n == 0) {
      // NumPy refuses to subtract booleans and to take the maximum of nothing; VoxLogicA-2
      // then reports the comparison alone.
      return new MappingValue(out);
    }
    double[] diff = new double[n];
    double[] absDiff = new double[n];
    for (int i = 0; i < n; i++) {
      diff[i] = NumpyTypes.subtract(type, second.get(i), first.get(i));
      absDiff[i] = NumpyTypes.abs(type, diff[i]);
    }
    NumpyArray d = new NumpyArray(first.shape(), type, n, i -> diff[i]);
    NumpyArray a = new NumpyArray(first.shape(), type, n, i -> absDiff[i]);
    out.put("mean_difference", new NumberValue(NumpyReductions.mean(d)));
    out.put("mean_absolute_difference", new NumberValue(NumpyReductions.mean(a)));
    out.put("max_absolute_difference", new NumberValue(NumpyReductions.max(a)));
    out.put("min_difference", new NumberValue(NumpyReductions.min(d)));
    out.put("max_difference", new NumberValue(NumpyReductions.max(d)));
    return new MappingValue(out);
  }

  /** Python's {@code int(value)}: floats truncate toward zero, numeric strings parse. */
  static long pythonInt(Value value, String what) {
    if (value instanceof NumberValue n) {
      double d = n.value();
      if (Double.isNaN(d)) {
        throw new OperatorException("cannot convert float NaN to integer");
      }
      if (Double.isInfinite(d)) {
        throw new OperatorException("cannot convert float infinity to integer");
      }
      if (Math.abs(d) >= 0x1p63) {
        throw new OperatorException(what + " is too large: " + PythonFloats.repr(d));
      }
      return (long) d;
    }
    if (PythonNumbers.isInteger(value)) {
      return PythonNumbers.asLong(value);
    }
    if (value instanceof StringValue s) {
      try {
        return Long.parseLong(s.value().strip().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new OperatorException(
            "invalid literal for int() with base 10: " + PythonText.repr(s));
      }
    }
    throw new OperatorException(
        "int() argument must be a string, a bytes-like object or a real number, not '"
            + PythonNumbers.typeName(value)
            + "'");
  }

  /** What Python's {@code for v in values} visits: a list's items, a string's characters. */
  private static List<Value> iterate(Value values) {
    if (values instanceof SequenceValue sequence) {
      return sequence.items();
    }
    if (values instanceof StringValue s) {
      return s.value()
          .codePoints()
          .<Value>mapToObj(c -> new StringValue(Character.toString(c)))
          .toList();
    }
    throw new OperatorException("'" + PythonNumbers.typeName(values) + "' object is not iterable");
  }

  static MappingValue mapping(Object... keysAndValues) {
    Map<String, Value> entries = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
    }
    return new MappingValue(entries);
  }
}
