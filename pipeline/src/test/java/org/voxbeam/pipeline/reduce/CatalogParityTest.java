package org.voxbeam.pipeline.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.operators.library.StandardLibrary;

/**
 * The reducer's catalog (the operator registry) is VoxLogicA-2's, and nothing else unnamed: every
 * primitive of VoxLogicA-2's registry outside {@code simpleitk} ({@code voxlogica2-primitives.tsv},
 * written from that registry by {@code tools/voxlogica2/catalog_tsv.py}) is registered with
 * VoxLogicA-2's argument counts; every procedure of SimpleITK's interface ({@code procedures.json})
 * is registered with its arity; and every other registered operator is one of the VoxBeam
 * extensions listed here, which docs/language.md lists too.
 */
class CatalogParityTest {
  /** Operators VoxBeam adds to VoxLogicA-2's catalog; docs/language.md lists them. */
  static final Set<String> EXTENSIONS = Set.of();

  private static final OperatorRegistry REGISTRY = StandardLibrary.registry();

  @Test
  void everyVoxLogicA2PrimitiveIsRegisteredWithItsArity() {
    Map<String, Arity> expected = voxLogicA2Primitives();
    assertTrue(expected.size() > 100, "the catalog lost its entries: " + expected.size());
    List<String> problems = new ArrayList<>();
    expected.forEach(
        (name, arity) ->
            REGISTRY
                .find(name)
                .ifPresentOrElse(
                    operator -> {
                      if (!operator.arity().equals(arity)) {
                        problems.add(
                            name
                                + " takes "
                                + operator.arity()
                                + " arguments, VoxLogicA-2 "
                                + arity);
                      }
                    },
                    () -> problems.add(name + " is not registered")));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everySimpleItkProcedureIsRegisteredWithItsArity() {
    Map<String, Arity> procedures = simpleItkProcedures();
    assertTrue(procedures.size() > 300, "procedures.json lost its entries: " + procedures.size());
    List<String> problems = new ArrayList<>();
    procedures.forEach(
        (name, arity) ->
            REGISTRY
                .find(name)
                .ifPresentOrElse(
                    operator -> {
                      if (!operator.arity().equals(arity)) {
                        problems.add(
                            name + " takes " + operator.arity() + " arguments, SimpleITK " + arity);
                      }
                    },
                    () -> problems.add(name + " is not registered")));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyOtherRegisteredOperatorIsANamedExtension() {
    Set<String> known = new TreeSet<>(voxLogicA2Primitives().keySet());
    known.addAll(simpleItkProcedures().keySet());
    Set<String> unexplained = new TreeSet<>();
    for (Operator operator : REGISTRY.operators()) {
      String name = operator.name().toString();
      if (!known.contains(name) && !EXTENSIONS.contains(name)) {
        unexplained.add(name);
      }
    }
    assertEquals(
        Set.of(), unexplained, "registered, but neither VoxLogicA-2's nor a listed extension");
    Set<String> stale = new TreeSet<>(EXTENSIONS);
    stale.removeIf(name -> REGISTRY.find(name).isPresent() && !known.contains(name));
    assertEquals(Set.of(), stale, "listed as extensions, but not registered or not extensions");
  }

  @Test
  void theReducersCatalogIsTheRegistry() {
    PrimitiveCatalog catalog = PrimitiveCatalog.voxLogicA2();
    for (Operator operator : REGISTRY.operators()) {
      PrimitiveSignature signature =
          catalog
              .resolve(operator.name().toString(), List.of())
              .orElseThrow(() -> new AssertionError(operator.name()));
      assertEquals(operator.arity(), signature.arity(), operator.name().toString());
    }
  }

  /** {@code namespace.name} to arity, from the TSV VoxLogicA-2's registry wrote. */
  static Map<String, Arity> voxLogicA2Primitives() {
    Map<String, Arity> out = new LinkedHashMap<>();
    for (String line : resource("voxlogica2-primitives.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      int min = Integer.parseInt(fields[2]);
      int max = fields[3].equals("*") ? Arity.UNBOUNDED : Integer.parseInt(fields[3]);
      out.put(fields[0] + "." + fields[1], Arity.between(min, max));
    }
    return out;
  }

  private static Map<String, Arity> simpleItkProcedures() {
    String text = resource("/org/voxbeam/operators/simpleitk/procedures.json");
    JsonObject document = (JsonObject) JsonReader.parse(text);
    Map<String, Arity> out = new LinkedHashMap<>();
    for (JsonValue item : ((JsonArray) document.get("procedures").orElseThrow()).items()) {
      JsonObject procedure = (JsonObject) item;
      List<JsonValue> bounds = ((JsonArray) procedure.get("arity").orElseThrow()).items();
      int min = ((JsonInteger) bounds.get(0)).value().intValueExact();
      int max =
          bounds.get(1) instanceof JsonNull
              ? Arity.UNBOUNDED
              : ((JsonInteger) bounds.get(1)).value().intValueExact();
      out.put("simpleitk." + procedure.getString("name").orElseThrow(), Arity.between(min, max));
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = CatalogParityTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
