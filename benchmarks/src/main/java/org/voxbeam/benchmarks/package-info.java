/**
 * The benchmarks jar: {@link org.voxbeam.benchmarks.BenchmarkMain} has one subcommand per
 * benchmark, each in a subpackage of its own ({@code scheduler}, {@code store}, {@code beam},
 * {@code images}, {@code kernels}, {@code limited-ram} in {@code memory}, {@code frontend}). This
 * package holds what they share for measuring and reporting: {@link
 * org.voxbeam.benchmarks.Distribution} (median and range of repeated samples), {@link
 * org.voxbeam.benchmarks.HeapProbe}, {@link org.voxbeam.benchmarks.Scratch} (one working directory
 * for both sides of a comparison) and {@link org.voxbeam.benchmarks.Report} with {@link
 * org.voxbeam.benchmarks.MarkdownTable}, whose output goes into docs/performance.md as it is.
 *
 * <p>A module of its own so that measuring never adds code or dependencies to the product, and
 * benchmarks run only when asked, never in the test build. Rules: every figure is a ratio to a
 * baseline measured in the same run, the sides taking turns going first; what a timed run computes
 * is checked before its time counts, so a fast wrong run cannot give a good number; a report starts
 * with the machine it was measured on.
 */
package org.voxbeam.benchmarks;
