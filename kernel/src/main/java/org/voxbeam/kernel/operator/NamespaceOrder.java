package org.voxbeam.kernel.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order in which an unqualified name is looked up, as VoxLogicA-2 resolves it: the {@value
 * #DEFAULT_NAMESPACE} namespace, then the imported namespaces in import order, then every other
 * namespace alphabetically. The runtime registry and the front end's catalog both follow it, so a
 * name means the same operator when a plan is built and when it runs.
 */
public final class NamespaceOrder {

  /** The namespace every program sees first. */
  public static final String DEFAULT_NAMESPACE = "default";

  private NamespaceOrder() {}

  /**
   * @param imports the namespaces the program imported, in order
   * @param known every namespace there is, in alphabetical order
   */
  public static List<String> of(List<String> imports, Collection<String> known) {
    List<String> order = new ArrayList<>();
    order.add(DEFAULT_NAMESPACE);
    for (String namespace : imports) {
      if (!order.contains(namespace)) {
        order.add(namespace);
      }
    }
    for (String namespace : known) {
      if (!order.contains(namespace)) {
        order.add(namespace);
      }
    }
    return order;
  }
}
