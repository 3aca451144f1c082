package org.voxbeam.transforms;

/**
 * One element of a fan-out stage: item {@code item} of the sequence a {@code map}, {@code for_loop}
 * or {@code filter} node applies its closure to.
 *
 * @param fanOut the task holding the node and the constants and closures it needs
 * @param item the item's index in the sequence
 */
record ItemTask(StageTask fanOut, int item) {}
