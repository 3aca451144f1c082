/**
 * The run record: one small Parquet file per run under the store's {@code runs/} directory, saying
 * when it ran, on which runner, from which program, and what became of each goal (see
 * docs/store-format.md).
 */
package org.voxbeam.storage.runs;
