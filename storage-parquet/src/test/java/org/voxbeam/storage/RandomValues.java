package org.voxbeam.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** Random values of every storable type, biased towards the edge cases a codec gets wrong. */
public final class RandomValues {
  private static final double[] SPECIAL_DOUBLES = {
    Double.NaN,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    1e-5,
    0.1,
  };
  private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1L << 53};
  private static final String[] SPECIAL_STRINGS = {
    "", "α β γ", "🧠 emoji", "tab\there\nnewline", "\u0000nul", "quote\"'\\"
  };

  private final SplittableRandom random;

  public RandomValues(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public Value next(int depth) {
    int kind = random.nextInt(depth <= 0 ? 6 : 13);
    switch (kind) {
      case 0 -> {
        return NullValue.INSTANCE;
      }
      case 1 -> {
        return BooleanValue.of(random.nextBoolean());
      }
      case 2 -> {
        return new IntegerValue(random.nextInt(4) == 0 ? pick(SPECIAL_LONGS) : random.nextLong());
      }
      case 3 -> {
        return new NumberValue(
            random.nextInt(3) == 0
                ? pick(SPECIAL_DOUBLES)
                : Double.longBitsToDouble(random.nextLong()));
      }
      case 4 -> {
        return new StringValue(string());
      }
      case 5 -> {
        return new BytesValue(
            InMemoryBlob.copyOf(bytes(random.nextInt(3) == 0 ? 0 : random.nextInt(2048))));
      }
      case 6, 7 -> {
        int length = random.nextInt(10) == 0 ? 200 : random.nextInt(5);
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < length; i++) {
          items.add(next(depth - 1));
        }
        return new SequenceValue(items);
      }
      case 8 -> {
        return mapping(depth);
      }
      case 9 -> {
        long rows = random.nextInt(4);
        long cols = random.nextInt(4);
        return new NdArrayValue(
            DType.FLOAT32,
            List.of(rows, cols),
            InMemoryBlob.copyOf(bytes((int) (rows * cols * 4))));
      }
      case 10 -> {
        ImageGeometry geometry =
            new ImageGeometry(
                List.of(3L, 2L, 2L),
                List.of(0.5, 1.0, 2.0),
                List.of(-1.0, 0.0, 1.0),
                List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
        return new ImageValue(geometry, DType.UINT16, InMemoryBlob.copyOf(bytes(24)));
      }
      case 11 -> {
        return new DatasetValue(
            NodeHashing.sha256("owner" + random.nextInt()), random.nextInt(1000), mapping(0));
      }
      default -> {
        ErrorValue root =
            new ErrorValue(
                string(), NodeHashing.sha256("a" + random.nextInt()), "vox1./", Optional.empty());
        return new ErrorValue(
            "input failed",
            NodeHashing.sha256("b" + random.nextInt()),
            "vox1.+",
            Optional.of(root));
      }
    }
  }

  private MappingValue mapping(int depth) {
    Map<String, Value> entries = new LinkedHashMap<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      entries.put(string() + i, next(depth - 1));
    }
    return new MappingValue(entries);
  }

  private String string() {
    int choice = random.nextInt(6);
    if (choice == 0) {
      return pick(SPECIAL_STRINGS);
    }
    if (choice == 1) {
      return "x".repeat(random.nextInt(100_000));
    }
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(
          random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(500) : 'a' + random.nextInt(26));
    }
    return out.toString();
  }

  private byte[] bytes(int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private long pick(long[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
