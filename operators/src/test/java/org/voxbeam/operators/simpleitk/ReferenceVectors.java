package org.voxbeam.operators.simpleitk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * The reference vectors ITK computed for the SimpleITK procedures (tools/itk-reference): one
 * manifest per family of cases, with raw voxel files beside it.
 */
final class ReferenceVectors {
  private static final String ROOT = "reference";

  /** One case: a call and what ITK made of it. */
  record Case(
      String family,
      String id,
      String procedure,
      List<Value> args,
      Expected expected,
      double tolerance,
      String note) {}

  /** An image, a value, or the fragment of an error message. */
  sealed interface Expected permits ExpectedImage, ExpectedValue, ExpectedError {}

  record ExpectedImage(ImageValue image) implements Expected {}

  record ExpectedValue(Value value) implements Expected {}

  record ExpectedError(String message) implements Expected {}

  private ReferenceVectors() {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> families = Files.list(root())) {
      for (Path family : families.sorted().toList()) {
        Path manifest = family.resolve("manifest.json");
        if (Files.exists(manifest)) {
          cases.addAll(read(family, manifest));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static Path root() {
    URL url = ReferenceVectors.class.getResource(ROOT);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + ROOT);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Case> read(Path directory, Path manifest) throws IOException {
    JsonObject document =
        (JsonObject) JsonReader.parse(Files.readString(manifest, StandardCharsets.UTF_8));
    String family = ((JsonString) document.get("family").orElseThrow()).value();
    List<Case> cases = new ArrayList<>();
    for (JsonValue item : ((JsonArray) document.get("cases").orElseThrow()).items()) {
      JsonObject entry = (JsonObject) item;
      List<Value> args = new ArrayList<>();
      for (JsonValue arg : ((JsonArray) entry.get("args").orElseThrow()).items()) {
        args.add(value(directory, arg));
      }
      cases.add(
          new Case(
              family,
              string(entry, "id"),
              string(entry, "procedure"),
              args,
              expected(directory, (JsonObject) entry.get("expected").orElseThrow()),
              ((JsonFloat) entry.get("tolerance").orElseThrow()).value(),
              string(entry, "note")));
    }
    return cases;
  }

  private static Expected expected(Path directory, JsonObject expected) throws IOException {
    if (expected.get("image").isPresent()) {
      return new ExpectedImage(image(directory, (JsonObject) expected.get("image").get()));
    }
    if (expected.get("error").isPresent()) {
      return new ExpectedError(((JsonString) expected.get("error").get()).value());
    }
    return new ExpectedValue(value(directory, expected.get("value").orElseThrow()));
  }

  private static Value value(Path directory, JsonValue json) throws IOException {
    if (json instanceof JsonObject object && object.get("image").isPresent()) {
      return image(directory, (JsonObject) object.get("image").get());
    }
    if (json instanceof JsonFloat f) {
      return new NumberValue(f.value());
    }
    if (json instanceof JsonInteger i) {
      return new IntegerValue(i.value().longValueExact());
    }
    if (json instanceof JsonBoolean b) {
      return BooleanValue.of(b.value());
    }
    if (json instanceof JsonString s) {
      return switch (s.value()) {
        case "NaN" -> new NumberValue(Double.NaN);
        case "Infinity" -> new NumberValue(Double.POSITIVE_INFINITY);
        case "-Infinity" -> new NumberValue(Double.NEGATIVE_INFINITY);
        default -> new StringValue(s.value());
      };
    }
    if (json instanceof JsonObject object) {
      Map<String, Value> entries = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        entries.put(member.getKey(), value(directory, member.getValue()));
      }
      return new MappingValue(entries);
    }
    if (json instanceof JsonArray array) {
      List<Value> items = new ArrayList<>();
      for (JsonValue item : array.items()) {
        items.add(value(directory, item));
      }
      return new SequenceValue(items);
    }
    throw new IllegalArgumentException("unexpected reference value " + json);
  }

  private static ImageValue image(Path directory, JsonObject description) throws IOException {
    byte[] voxels = Files.readAllBytes(directory.resolve(string(description, "file")));
    DType dtype = DType.valueOf(string(description, "dtype").toUpperCase(java.util.Locale.ROOT));
    ImageGeometry geometry =
        new ImageGeometry(
            longs(description, "size"),
            doubles(description, "spacing"),
            doubles(description, "origin"),
            doubles(description, "direction"));
    return new ImageValue(geometry, dtype, InMemoryBlob.adopt(voxels));
  }

  private static List<Long> longs(JsonObject object, String key) {
    return ((JsonArray) object.get(key).orElseThrow())
        .items().stream().map(v -> ((JsonInteger) v).value().longValueExact()).toList();
  }

  private static List<Double> doubles(JsonObject object, String key) {
    return ((JsonArray) object.get(key).orElseThrow())
        .items().stream()
            .map(
                v -> v instanceof JsonFloat f ? f.value() : ((JsonInteger) v).value().doubleValue())
            .toList();
  }

  private static String string(JsonObject object, String key) {
    return ((JsonString) object.get(key).orElseThrow()).value();
  }
}
