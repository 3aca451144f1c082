/**
 * The operator SPI: what a primitive node computes and how the engine finds it. Start at {@link
 * org.voxbeam.kernel.operator.Operator}, a function from {@link
 * org.voxbeam.kernel.operator.Arguments} to a value; operators reach the engine in {@link
 * org.voxbeam.kernel.operator.OperatorLibrary}s, and {@link
 * org.voxbeam.kernel.operator.OperatorRegistry} resolves a name to one the way VoxLogicA-2 resolves
 * it ({@link org.voxbeam.kernel.operator.NamespaceOrder}). The package also holds the policy
 * operators open files through ({@link org.voxbeam.kernel.operator.FileAccess}, {@link
 * org.voxbeam.kernel.operator.PathMapping}), so the command line and the server can give the same
 * operators different reach.
 *
 * <p>A package of its own so that implementations and the engine meet only here: the operator
 * modules implement these interfaces, and the reducer (through the registry's names) and every
 * executor (through {@code apply}) use them, without either seeing the other's internals. Rules for
 * implementations: stateless and thread-safe, since one operator is applied to many nodes at once;
 * a bad input is an {@link org.voxbeam.kernel.operator.OperatorException} whose message the user
 * reads as the node's failure; an operator whose result depends on more than its inputs is {@link
 * org.voxbeam.kernel.operator.Purity#IMPURE}, and files it reads outside the store are declared
 * through {@link org.voxbeam.kernel.io.ExternalReads}; anything a Beam worker needs (such as {@code
 * PathMapping}) is {@link java.io.Serializable}.
 */
package org.voxbeam.kernel.operator;
