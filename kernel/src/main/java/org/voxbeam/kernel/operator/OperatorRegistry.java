package org.voxbeam.kernel.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Operators by namespace, resolved by qualified name ({@code vox1.+}) or by bare name the way
 * VoxLogicA-2 resolves it: {@code default} first, then imported namespaces in import order, then
 * every other namespace alphabetically. Immutable once built, so lookups need no locking.
 */
public final class OperatorRegistry {
  private static final int MAX_SUGGESTIONS = 3;

  private final Map<String, Map<String, Operator>> byNamespace;
  private final Map<String, Operator> byQualifiedName;

  /**
   * What each bare name resolves to in a program that imports nothing, as closure bodies resolve
   * every call: worked out once here rather than once per call, which on a {@code map} over 10,000
   * items was two namespace orders built and walked per item.
   */
  private final Map<String, Operator> byBareName;

  private OperatorRegistry(Map<String, Map<String, Operator>> byNamespace) {
    this.byNamespace = byNamespace;
    Map<String, Operator> qualified = new LinkedHashMap<>();
    byNamespace
        .values()
        .forEach(ops -> ops.values().forEach(op -> qualified.put(op.name().qualified(), op)));
    this.byQualifiedName = qualified;
    Map<String, Operator> bare = new HashMap<>();
    for (String namespace : NamespaceOrder.of(List.of(), byNamespace.keySet())) {
      byNamespace.getOrDefault(namespace, Map.of()).forEach(bare::putIfAbsent);
    }
    this.byBareName = Map.copyOf(bare);
  }

  /** A registry holding the operators of {@code libraries}; a name registered twice is an error. */
  public static OperatorRegistry of(OperatorLibrary... libraries) {
    Map<String, Map<String, Operator>> byNamespace = new TreeMap<>();
    for (OperatorLibrary library : libraries) {
      for (Operator operator : library.operators()) {
        Map<String, Operator> namespace =
            byNamespace.computeIfAbsent(operator.name().namespace(), ns -> new TreeMap<>());
        if (namespace.putIfAbsent(operator.name().name(), operator) != null) {
          throw new IllegalArgumentException("operator registered twice: " + operator.name());
        }
      }
    }
    return new OperatorRegistry(byNamespace);
  }

  /** The operator a qualified name denotes, if any. */
  public Optional<Operator> find(String qualifiedName) {
    return Optional.ofNullable(byQualifiedName.get(qualifiedName));
  }

  /**
   * Resolves a qualified or bare name.
   *
   * @param imports namespaces imported by the program, in import order
   * @throws UnknownOperatorException naming the closest known operators
   */
  public Operator resolve(String name, List<String> imports) {
    Operator exact = byQualifiedName.get(name);
    if (exact != null) {
      return exact;
    }
    Operator bare = imports.isEmpty() ? byBareName.get(name) : firstInOrder(name, imports);
    if (bare == null) {
      throw new UnknownOperatorException(name, suggestionsFor(name));
    }
    return bare;
  }

  /** The operator named {@code name} in the first namespace of the order that has one, or null. */
  private Operator firstInOrder(String name, List<String> imports) {
    for (String namespace : NamespaceOrder.of(imports, byNamespace.keySet())) {
      Operator operator = byNamespace.getOrDefault(namespace, Map.of()).get(name);
      if (operator != null) {
        return operator;
      }
    }
    return null;
  }

  /** Resolves a qualified name, or fails with suggestions. */
  public Operator require(String qualifiedName) {
    Operator operator = byQualifiedName.get(qualifiedName);
    if (operator == null) {
      throw new UnknownOperatorException(qualifiedName, suggestionsFor(qualifiedName));
    }
    return operator;
  }

  public Collection<Operator> operators() {
    return byQualifiedName.values();
  }

  public List<String> namespaces() {
    return List.copyOf(byNamespace.keySet());
  }

  /** Known names within a small edit distance of {@code requested}, closest first. */
  List<String> suggestionsFor(String requested) {
    String bare =
        requested.contains(".") ? requested.substring(requested.indexOf('.') + 1) : requested;
    int limit = Math.max(1, Math.min(3, bare.length() / 3 + 1));
    record Candidate(String name, int distance) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Operator operator : byQualifiedName.values()) {
      int distance =
          Math.min(
              editDistance(requested, operator.name().qualified()),
              editDistance(bare, operator.name().name()));
      if (distance <= limit) {
        candidates.add(new Candidate(operator.name().qualified(), distance));
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
    return candidates.stream().limit(MAX_SUGGESTIONS).map(Candidate::name).toList();
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
