/**
 * The {@code frontend} benchmark: how long the ImgQL front end takes to reduce the program shapes
 * that made it quadratic or exponential (declaration chains, doubling and definition chains,
 * comments, prints), against re-hashing the resulting plan's nodes.
 */
package org.voxbeam.benchmarks.frontend;
