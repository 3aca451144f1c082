package org.voxbeam.pipeline.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;

/**
 * Goal values as the corpus test compares them: whole values as text (images by pixel type,
 * geometry and voxel fingerprint, so two runs agree only if every voxel does), and against the
 * references' JSON, exactly or within a tolerance.
 */
public final class GoalValues {
  private static final double GEOMETRY_TOLERANCE = 1e-9;

  private GoalValues() {}

  /** The whole value as text; failures by their cause chain. */
  public static String text(Value value) {
    if (value instanceof ErrorValue error) {
      return "error: " + error.describe();
    }
    if (value instanceof ImageValue image) {
      ImageGeometry g = image.geometry();
      return "<image "
          + image.dtype().numpyName()
          + " "
          + g.size()
          + " "
          + g.spacing()
          + " "
          + g.origin()
          + " "
          + g.direction()
          + " "
          + Long.toUnsignedString(fingerprint(image))
          + ">";
    }
    if (value instanceof SequenceValue sequence) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      sequence.items().forEach(item -> out.add(text(item)));
      return out.toString();
    }
    if (value instanceof MappingValue mapping) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      mapping
          .entries()
          .forEach(
              (key, item) -> out.add(PythonText.repr(new StringValue(key)) + ": " + text(item)));
      return out.toString();
    }
    return PythonText.repr(value);
  }

  /**
   * The sum over voxels of (index + 1) times the voxel's little-endian bytes read as an unsigned
   * integer, modulo 2^64: equal for equal voxels, and computed the same way by the ITK tool.
   */
  public static long fingerprint(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    int width = image.dtype().byteSize();
    long sum = 0;
    for (int i = 0; i < voxels.voxelCount(); i++) {
      long bits = 0;
      for (int b = width - 1; b >= 0; b--) {
        bits = (bits << 8) | (voxels.buffer().get(i * width + b) & 0xffL);
      }
      sum += (i + 1L) * bits;
    }
    return sum;
  }

  /**
   * Problems with {@code actual} against a reference ({@code {"value": …}} or {@code {"image":
   * …}}); none if it matches.
   */
  public static List<String> compare(JsonObject reference, Value actual) {
    List<String> problems = new ArrayList<>();
    double tolerance = reference.get("tolerance").map(t -> ((JsonFloat) t).value()).orElse(0.0);
    if (reference.get("image").isPresent()) {
      compareImage((JsonObject) reference.get("image").orElseThrow(), actual, tolerance, problems);
    } else {
      compareValue(reference.get("value").orElseThrow(), actual, tolerance, "", problems);
    }
    return problems;
  }

  /** A reference's JSON value as the value VoxBeam should produce. */
  public static Value value(JsonValue json) {
    if (json instanceof JsonNull) {
      return NullValue.INSTANCE;
    } else if (json instanceof JsonBoolean b) {
      return BooleanValue.of(b.value());
    } else if (json instanceof JsonInteger i) {
      return new IntegerValue(i.value().longValueExact());
    } else if (json instanceof JsonFloat f) {
      return new NumberValue(f.value());
    } else if (json instanceof JsonString s) {
      return new StringValue(s.value());
    } else if (json instanceof JsonArray a) {
      return new SequenceValue(a.items().stream().map(GoalValues::value).toList());
    }
    Map<String, Value> entries = new LinkedHashMap<>();
    ((JsonObject) json).members().forEach((k, v) -> entries.put(k, value(v)));
    return new MappingValue(entries);
  }

  private static void compareValue(
      JsonValue expected, Value actual, double tolerance, String path, List<String> problems) {
    if (tolerance > 0 && expected instanceof JsonFloat f && actual instanceof NumberValue n) {
      if (!(Math.abs(f.value() - n.value()) <= tolerance * Math.max(1, Math.abs(f.value())))) {
        problems.add(path + ": " + n.value() + " is not within " + tolerance + " of " + f.value());
      }
    } else if (tolerance > 0
        && expected instanceof JsonArray a
        && actual instanceof SequenceValue s
        && a.items().size() == s.items().size()) {
      for (int i = 0; i < s.items().size(); i++) {
        compareValue(a.items().get(i), s.items().get(i), tolerance, path + "[" + i + "]", problems);
      }
    } else {
      String want = PythonText.repr(value(expected));
      String got = text(actual);
      if (!want.equals(got)) {
        problems.add(path + ": expected " + want + ", got " + got);
      }
    }
  }

  private static void compareImage(
      JsonObject expected, Value actual, double tolerance, List<String> problems) {
    if (!(actual instanceof ImageValue image)) {
      problems.add("expected an image, got " + text(actual));
      return;
    }
    String dtype = ((JsonString) expected.get("dtype").orElseThrow()).value();
    if (!dtype.equals(image.dtype().numpyName())) {
      problems.add("pixel type " + image.dtype().numpyName() + ", expected " + dtype);
    }
    List<JsonValue> geometry = ((JsonArray) expected.get("geometry").orElseThrow()).items();
    ImageGeometry g = image.geometry();
    List<List<Double>> actualParts =
        List.of(doubles(g.size()), g.spacing(), g.origin(), g.direction());
    String[] names = {"size", "spacing", "origin", "direction"};
    for (int part = 0; part < 4; part++) {
      List<JsonValue> want = ((JsonArray) geometry.get(part)).items();
      List<Double> got = actualParts.get(part);
      boolean same = want.size() == got.size();
      for (int i = 0; same && i < got.size(); i++) {
        same = Math.abs(number(want.get(i)) - got.get(i)) <= GEOMETRY_TOLERANCE;
      }
      if (!same) {
        problems.add(names[part] + " " + got + ", expected " + want);
      }
    }
    if (expected.get("fingerprint").isPresent()) {
      String want = ((JsonString) expected.get("fingerprint").orElseThrow()).value();
      String got = Long.toUnsignedString(fingerprint(image));
      if (!want.equals(got)) {
        problems.add("voxels differ (fingerprint " + got + ", expected " + want + ")");
      }
      return;
    }
    Voxels voxels = Voxels.of(image);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < voxels.voxelCount(); i++) {
      double v = voxels.get(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    double[] got = {min, max, sum / voxels.voxelCount()};
    String[] stats = {"min", "max", "mean"};
    for (int k = 0; k < 3; k++) {
      double want = number(expected.get(stats[k]).orElseThrow());
      if (!(Math.abs(want - got[k]) <= tolerance * Math.max(1, Math.abs(want)))) {
        problems.add(stats[k] + " " + got[k] + " is not within " + tolerance + " of " + want);
      }
    }
  }

  private static List<Double> doubles(List<Long> values) {
    return values.stream().map(Long::doubleValue).toList();
  }

  private static double number(JsonValue value) {
    return value instanceof JsonInteger i ? i.value().doubleValue() : ((JsonFloat) value).value();
  }
}
