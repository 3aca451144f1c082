/**
 * The computational primitives of VoxLogicA-2's {@code default} namespace, one {@link
 * org.voxbeam.kernel.operator.OperatorLibrary} per family: scalar arithmetic, comparison and logic
 * ({@link org.voxbeam.operators.defaults.ScalarOperators}, start there), building and cutting
 * sequences ({@link org.voxbeam.operators.defaults.SequenceOperators}), and the higher-order {@code
 * map}, {@code for_loop}, {@code filter} and {@code fold} ({@link
 * org.voxbeam.operators.defaults.HigherOrderOperators}). The rest of {@code default} touches files
 * or images and lives with them ({@code dir} in {@code transforms.files}, {@code load} and {@code
 * overlay} in {@code transforms.image}).
 *
 * <p>Registered by {@code transforms.library}'s standard library; Python's numeric rules come from
 * {@code transforms.python}. Rules: results follow Python's semantics (integers stay apart from
 * floats, Python's bounds rules for indices and slices); the per-item execution of {@code map},
 * {@code for_loop} and {@code filter} in the engine ({@code
 * org.voxbeam.pipeline.execution.FanOutOperator}) assembles item results with the semantics of
 * {@code HigherOrderOperators}, so a change to one is a change to both.
 */
package org.voxbeam.operators.defaults;
