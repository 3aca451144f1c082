package org.voxbeam.kernel.operator;

import java.util.List;

/**
 * A set of operators shipped together (one or more namespaces). Libraries are how operator
 * implementations reach the registry without the engine depending on them.
 */
public interface OperatorLibrary {
  List<Operator> operators();
}
