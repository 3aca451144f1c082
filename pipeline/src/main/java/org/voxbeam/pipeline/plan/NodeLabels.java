package org.voxbeam.pipeline.plan;

import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.node.ClosureSpec;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeKind;

/** How a node is named in drawings of a plan: operator, constant value or closure parameter. */
final class NodeLabels {
  private NodeLabels() {}

  static String of(Node node) {
    if (node.kind() == NodeKind.CONSTANT) {
      return "const: " + node.attrs().get("value").map(CanonicalJson::write).orElse("null");
    }
    if (node.kind() == NodeKind.CLOSURE) {
      return "closure(" + ClosureSpec.from(node.attrs()).parameter() + ")";
    }
    return node.operator();
  }
}
