package org.voxbeam.operators.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.ops.Statistics;

/**
 * {@link NumpySum} against NumPy itself: {@code numpy-sums.json} holds the bits NumPy computed
 * ({@code generate_numpy_sums.py} beside it) for arrays both sides generate from a seed, at lengths
 * around the unroll, block and buffer boundaries, with random, wide-exponent, cancelling, integer
 * and signed-zero data. Every result must match bit for bit, including {@code vox1.avg}'s mean over
 * a masked float32 image.
 */
class NumpySumTest {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  @Test
  void everySumAndMeanEqualsNumpysBits() {
    JsonObject document = (JsonObject) JsonReader.parse(resource("numpy-sums.json"));
    assertEquals(NumpySum.BUFFER, integer(document, "buffer"), "NumPy's buffer size");
    List<String> mismatches = new ArrayList<>();
    int sequentialWouldFail = 0;
    List<JsonValue> vectors = ((JsonArray) document.get("vectors").orElseThrow()).items();
    for (JsonValue item : vectors) {
      JsonObject vector = (JsonObject) item;
      String operation = vector.getString("operation").orElseThrow();
      String generator = vector.getString("generator").orElseThrow();
      long seed = integer(vector, "seed");
      int length = (int) integer(vector, "length");
      String expected = vector.getString("expected").orElseThrow();
      double[] values = values(generator, seed, length);
      String actual = hex(operation, compute(operation, values, mask(seed, length)));
      if (!expected.equals(actual)) {
        mismatches.add(
            operation + " " + generator + " n=" + length + ": " + actual + " != " + expected);
      }
      if (!expected.equals(hex(operation, sequential(operation, values, mask(seed, length))))) {
        sequentialWouldFail++;
      }
    }
    assertTrue(
        mismatches.isEmpty(), mismatches.size() + " of " + vectors.size() + ": " + mismatches);
    assertTrue(
        sequentialWouldFail > 100,
        "the vectors must tell pairwise from sequential summation; only "
            + sequentialWouldFail
            + " do");
  }

  @Test
  void aReductionStartsFromPositiveZeroAsNumpysDoes() {
    assertEquals(
        Double.doubleToRawLongBits(0.0),
        Double.doubleToRawLongBits(NumpySum.sum(new double[] {-0.0}, 1)));
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(NumpySum.pairwise(new double[] {-0.0}, 0, 1)));
    NumpySum.Casting casting = new NumpySum.Casting();
    assertEquals(0.0, casting.sum());
    assertEquals(0, casting.count());
  }

  private static double compute(String operation, double[] values, boolean[] mask) {
    return switch (operation) {
      case "sum_f64" -> NumpySum.sum(values, values.length);
      case "sum_f32" -> NumpySum.sum(floats(values), values.length);
      case "sum_f32_as_f64" -> castingSum(values);
      case "mean_f32_as_f64" -> castingSum(values) / values.length;
      case "avg_masked" -> Statistics.average(image(values), maskImage(mask), false);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  /** What a plain loop gives, to show the vectors can tell the two apart. */
  private static double sequential(String operation, double[] values, boolean[] mask) {
    double sum = 0;
    float sum32 = 0;
    long count = 0;
    for (int i = 0; i < values.length; i++) {
      if (!operation.equals("avg_masked") || mask[i]) {
        sum += operation.equals("sum_f64") ? values[i] : (float) values[i];
        sum32 += (float) values[i];
        count++;
      }
    }
    return switch (operation) {
      case "sum_f32" -> sum32;
      case "mean_f32_as_f64", "avg_masked" -> sum / count;
      default -> sum;
    };
  }

  private static double castingSum(double[] values) {
    NumpySum.Casting sum = new NumpySum.Casting();
    for (double value : values) {
      sum.add((float) value);
    }
    return sum.sum();
  }

  private static String hex(String operation, double value) {
    return operation.equals("sum_f32")
        ? HexFormat.of().toHexDigits(Float.floatToRawIntBits((float) value))
        : HexFormat.of().toHexDigits(Double.doubleToRawLongBits(value));
  }

  /** The generator of generate_numpy_sums.py, value for value. */
  static double[] values(String generator, long seed, int length) {
    double[] out = new double[length];
    long state = seed;
    for (int i = 0; i < length; i++) {
      state += GOLDEN_GAMMA;
      long z = mix(state);
      double frac = (z >>> 11) * 0x1.0p-53;
      out[i] =
          switch (generator) {
            case "uniform" -> frac * 2000.0 - 1000.0;
            case "wide" -> {
              double v = Math.scalb(1.0 + frac, (int) (z & 63) - 32);
              yield ((z >>> 6) & 1) != 0 ? -v : v;
            }
            case "cancel" ->
                i % 2 == 0
                    ? Math.scalb(1.0 + frac, 40) * (((z >>> 1) & 1) != 0 ? 1.0 : -1.0)
                    : frac * 1e-3;
            case "negzero" -> -0.0;
            case "signedzero" -> (z & 1) != 0 ? -0.0 : 0.0;
            case "integers" -> (double) ((z >>> 40) - (1L << 23));
            default -> throw new IllegalArgumentException(generator);
          };
    }
    return out;
  }

  private static boolean[] mask(long seed, int length) {
    boolean[] out = new boolean[length];
    long state = seed ^ 0x5DEECE66DL;
    for (int i = 0; i < length; i++) {
      state += GOLDEN_GAMMA;
      out[i] = ((mix(state) >>> 7) & 3) != 0;
    }
    return out;
  }

  private static long mix(long state) {
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static float[] floats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  private static ImageValue image(double[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (double value : values) {
      bytes.putFloat((float) value);
    }
    return new ImageValue(
        geometry(values.length), DType.FLOAT32, InMemoryBlob.adopt(bytes.array()));
  }

  private static ImageValue maskImage(boolean[] mask) {
    byte[] bytes = new byte[mask.length];
    for (int i = 0; i < mask.length; i++) {
      bytes[i] = mask[i] ? (byte) 1 : 0;
    }
    return new ImageValue(geometry(mask.length), DType.UINT8, InMemoryBlob.adopt(bytes));
  }

  private static ImageGeometry geometry(int length) {
    return new ImageGeometry(
        List.of((long) length, 1L),
        List.of(1.0, 1.0),
        List.of(0.0, 0.0),
        List.of(1.0, 0.0, 0.0, 1.0));
  }

  private static long integer(JsonObject object, String key) {
    return ((JsonInteger) object.get(key).orElseThrow()).value().longValueExact();
  }

  private static String resource(String name) {
    try (InputStream in = NumpySumTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
