package org.voxbeam.operators.simpleitk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.Arity;

/**
 * SimpleITK's procedural interface as data: the resource {@code procedures.json}, written from
 * SimpleITK's own filter descriptions by {@code tools/simpleitk/generate_procedures.py}. VoxBeam
 * cannot import SimpleITK's Python module the way VoxLogicA-2 does, so this is what the executor
 * binds arguments against; the reducer resolves names with the {@link ProcedureIndex} written from
 * it.
 */
final class SimpleItkProcedures {
  private static final String RESOURCE = "procedures.json";

  private final Map<String, Procedure> byName;
  private final Map<String, Integer> kernels;
  private final Map<String, Integer> interpolators;

  private SimpleItkProcedures(
      Map<String, Procedure> byName,
      Map<String, Integer> kernels,
      Map<String, Integer> interpolators) {
    this.byName = byName;
    this.kernels = kernels;
    this.interpolators = interpolators;
  }

  /** The interface of the SimpleITK release VoxLogicA-2 pins. */
  public static SimpleItkProcedures shipped() {
    return Shipped.INSTANCE;
  }

  /** Every procedure, by name. */
  public Collection<Procedure> all() {
    return byName.values();
  }

  public Optional<Procedure> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Structuring element kinds ({@code sitkBall} = 1), for {@code KernelEnum} parameters. */
  Map<String, Integer> kernels() {
    return kernels;
  }

  /** Interpolators ({@code sitkLinear} = 2), for {@code InterpolatorEnum} parameters. */
  Map<String, Integer> interpolators() {
    return interpolators;
  }

  /** Read once per class loader: the resource is a few hundred kilobytes. */
  private static final class Shipped {
    static final SimpleItkProcedures INSTANCE = parse(read());
  }

  private static String read() {
    try (InputStream in = SimpleItkProcedures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SimpleItkProcedures parse(String text) {
    JsonObject document = (JsonObject) JsonReader.parse(text);
    Map<String, Procedure> byName = new LinkedHashMap<>();
    for (JsonValue item : array(document, "procedures")) {
      Procedure procedure = procedure((JsonObject) item);
      byName.put(procedure.name(), procedure);
    }
    return new SimpleItkProcedures(
        Map.copyOf(byName), integers(document, "kernels"), integers(document, "interpolators"));
  }

  private static Procedure procedure(JsonObject entry) {
    String name = string(entry, "name").orElseThrow();
    List<Overload> overloads = new ArrayList<>();
    for (JsonValue overload : array(entry, "overloads")) {
      List<Parameter> parameters = new ArrayList<>();
      for (JsonValue parameter : ((JsonArray) overload).items()) {
        parameters.add(parameter((JsonObject) parameter));
      }
      overloads.add(new Overload(parameters));
    }
    Set<PixelId> pixelTypes = EnumSet.noneOf(PixelId.class);
    for (JsonValue constant : array(entry, "pixelTypes")) {
      pixelTypes.add(PixelId.ofConstant(((JsonString) constant).value()).orElseThrow());
    }
    return new Procedure(
        name,
        arity((JsonArray) entry.get("arity").orElseThrow()),
        string(entry, "brief").orElse("SimpleITK " + name),
        string(entry, "filter"),
        overloads,
        pixelTypes,
        string(entry, "outputPixelType"));
  }

  private static Parameter parameter(JsonObject entry) {
    List<String> values = new ArrayList<>();
    for (JsonValue value : array(entry, "values")) {
      values.add(((JsonString) value).value());
    }
    return new Parameter(
        string(entry, "name").orElseThrow(),
        ParameterType.parse(string(entry, "type").orElseThrow()),
        entry.get("default"),
        flag(entry, "dimVec"),
        flag(entry, "scalarAccepted"),
        values);
  }

  private static Arity arity(JsonArray bounds) {
    int min = ((JsonInteger) bounds.items().get(0)).value().intValueExact();
    JsonValue max = bounds.items().get(1);
    return max instanceof JsonNull
        ? Arity.atLeast(min)
        : Arity.between(min, ((JsonInteger) max).value().intValueExact());
  }

  private static List<JsonValue> array(JsonObject object, String key) {
    return object.get(key).map(value -> ((JsonArray) value).items()).orElse(List.of());
  }

  private static Optional<String> string(JsonObject object, String key) {
    return object.get(key).map(value -> ((JsonString) value).value());
  }

  private static boolean flag(JsonObject object, String key) {
    return object.get(key).map(value -> ((JsonBoolean) value).value()).orElse(false);
  }

  private static Map<String, Integer> integers(JsonObject object, String key) {
    Map<String, Integer> out = new LinkedHashMap<>();
    ((JsonObject) object.get(key).orElseThrow())
        .members()
        .forEach((name, value) -> out.put(name, ((JsonInteger) value).value().intValueExact()));
    return Map.copyOf(out);
  }
}
