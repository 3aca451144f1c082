package org.voxbeam.operators.arrays;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.python.NumpySum;

/**
 * {@code arrays.confusion_matrix(predicted, ground_truth[, num_classes])}: rows are true classes,
 * columns predicted ones, as VoxLogicA-2 counts them ({@code cm[int(truth), int(predicted)] += 1},
 * Python indexing included: a label of -1 counts in the last class, a label beyond the classes is
 * an index error); then per-class precision, recall and F1 (0 where undefined) and their NumPy
 * means. Without {@code num_classes} the labels must be integers and there are {@code max(label) +
 * 1} classes.
 */
final class ConfusionMatrix {
  private ConfusionMatrix() {}

  static Value of(Arguments args) {
    NumpyArray predicted = NumpyArray.of(args.get(0), "confusion_matrix");
    NumpyArray truth = NumpyArray.of(args.get(1), "confusion_matrix");
    if (predicted.size() != truth.size()) {
      throw new OperatorException("Arrays must have the same shape");
    }
    int classes = classes(args, predicted, truth);
    long[][] cm = new long[classes][classes];
    for (int i = 0; i < predicted.size(); i++) {
      int row = index(truth.get(i), classes, 0);
      int column = index(predicted.get(i), classes, 1);
      cm[row][column]++;
    }
    double[] precision = new double[classes];
    double[] recall = new double[classes];
    double[] f1 = new double[classes];
    for (int c = 0; c < classes; c++) {
      long tp = cm[c][c];
      long column = 0;
      long row = 0;
      for (int k = 0; k < classes; k++) {
        column += cm[k][c];
        row += cm[c][k];
      }
      long fp = column - tp;
      long fn = row - tp;
      precision[c] = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
      recall[c] = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
      f1[c] =
          precision[c] + recall[c] > 0
              ? 2 * precision[c] * recall[c] / (precision[c] + recall[c])
              : 0;
    }
    List<Value> rows = new ArrayList<>(classes);
    for (long[] counts : cm) {
      List<Value> cells = new ArrayList<>(classes);
      for (long count : counts) {
        cells.add(new IntegerValue(count));
      }
      rows.add(new SequenceValue(cells));
    }
    return ArraysOperators.mapping(
        "confusion_matrix", new SequenceValue(rows),
        "num_classes", new IntegerValue(classes),
        "precision", floats(precision),
        "recall", floats(recall),
        "f1_score", floats(f1),
        "mean_precision", new NumberValue(mean(precision)),
        "mean_recall", new NumberValue(mean(recall)),
        "mean_f1_score", new NumberValue(mean(f1)));
  }

  private static int classes(Arguments args, NumpyArray predicted, NumpyArray truth) {
    long classes;
    if (args.size() > 2) {
      classes = ArraysOperators.pythonInt(args.get(2), "num_classes");
    } else {
      if (predicted.isFloat() || truth.isFloat()) {
        throw new OperatorException(
            "float labels need num_classes ('numpy.float64' object cannot be interpreted as an"
                + " integer)");
      }
      classes = (long) Math.max(NumpyReductions.max(predicted), NumpyReductions.max(truth)) + 1;
    }
    if (classes < 0) {
      throw new OperatorException("negative dimensions are not allowed");
    }
    if (classes > 65_536) {
      throw new OperatorException(classes + " classes: the matrix would not fit in memory");
    }
    return (int) classes;
  }

  /** Python's {@code cm[int(label)]} index on an axis of {@code size}. */
  private static int index(double label, int size, int axis) {
    if (Double.isNaN(label) || Double.isInfinite(label)) {
      throw new OperatorException(
          "cannot convert float " + (Double.isNaN(label) ? "NaN" : "infinity") + " to integer");
    }
    long index = (long) label;
    if (index < -size || index >= size) {
      throw new OperatorException(
          "index " + index + " is out of bounds for axis " + axis + " with size " + size);
    }
    return (int) (index < 0 ? index + size : index);
  }

  private static double mean(double[] values) {
    return NumpySum.sum(values, values.length) / values.length;
  }

  private static SequenceValue floats(double[] values) {
    List<Value> out = new ArrayList<>(values.length);
    for (double value : values) {
      out.add(new NumberValue(value));
    }
    return new SequenceValue(out);
  }
}
