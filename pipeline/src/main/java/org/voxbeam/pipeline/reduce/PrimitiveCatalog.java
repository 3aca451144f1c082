package org.voxbeam.pipeline.reduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.voxbeam.kernel.operator.NamespaceOrder;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.operators.library.StandardLibrary;

/**
 * The primitives a program can name, by namespace, and the ImgQL libraries some namespaces export
 * on import. Name resolution follows VoxLogicA-2's registry: a qualified name must match exactly; a
 * bare name is looked up in {@code default}, then in imported namespaces in import order, then in
 * every other namespace alphabetically.
 *
 * <p>The catalog is the operator registry itself, so what the reducer resolves and what the
 * executor runs are one list. It covers VoxLogicA-2's whole catalog: primitives VoxBeam does not
 * run are registered as {@link org.voxbeam.kernel.operator.UnavailableOperator}s, so a program
 * using one still reduces to VoxLogicA-2's plan and fails only at that node.
 */
public final class PrimitiveCatalog {
  private static final Map<String, String> LIBRARIES = Map.of("vox1", "vox1.imgql");

  private final Map<String, Map<String, PrimitiveSignature>> byNamespace;

  private PrimitiveCatalog(Map<String, Map<String, PrimitiveSignature>> byNamespace) {
    this.byNamespace = byNamespace;
  }

  /** The primitives of VoxBeam's standard library, which covers VoxLogicA-2's. */
  public static PrimitiveCatalog voxLogicA2() {
    return Standard.INSTANCE;
  }

  /** The names and argument counts of {@code registry}'s operators. */
  public static PrimitiveCatalog of(OperatorRegistry registry) {
    Map<String, Map<String, PrimitiveSignature>> byNamespace = new TreeMap<>();
    for (Operator operator : registry.operators()) {
      OperatorName name = operator.name();
      byNamespace
          .computeIfAbsent(name.namespace(), ns -> new LinkedHashMap<>())
          .put(
              name.name(), new PrimitiveSignature(name.namespace(), name.name(), operator.arity()));
    }
    return new PrimitiveCatalog(byNamespace);
  }

  /** Built once: the standard library's registry holds a few hundred operators. */
  private static final class Standard {
    static final PrimitiveCatalog INSTANCE = of(StandardLibrary.registry());
  }

  /** Whether {@code import "namespace"} names a known namespace. */
  public boolean hasNamespace(String namespace) {
    return byNamespace.containsKey(namespace) || LIBRARIES.containsKey(namespace);
  }

  /** Known namespaces, sorted. */
  public List<String> namespaces() {
    return List.copyOf(byNamespace.keySet());
  }

  /**
   * Resolves a qualified or bare name.
   *
   * @param imports namespaces the program imported, in import order
   */
  public Optional<PrimitiveSignature> resolve(String name, List<String> imports) {
    int dot = name.indexOf('.');
    if (dot > 0 && dot < name.length() - 1) {
      Map<String, PrimitiveSignature> namespace = byNamespace.get(name.substring(0, dot));
      if (namespace != null) {
        return Optional.ofNullable(namespace.get(name.substring(dot + 1)));
      }
    }
    for (String namespace : NamespaceOrder.of(imports, byNamespace.keySet())) {
      PrimitiveSignature signature = byNamespace.getOrDefault(namespace, Map.of()).get(name);
      if (signature != null) {
        return Optional.of(signature);
      }
    }
    return Optional.empty();
  }

  /** The ImgQL library a namespace exports on import, as {@code (source name, text)}. */
  public Optional<LibrarySource> library(String namespace) {
    String file = LIBRARIES.get(namespace);
    return file == null
        ? Optional.empty()
        : Optional.of(new LibrarySource(namespace + "/" + file, resource(file)));
  }

  /** The text of a namespace's ImgQL library and the name its positions carry. */
  public record LibrarySource(String sourceName, String text) {}

  private static String resource(String name) {
    try (InputStream in = PrimitiveCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
