package org.voxbeam.api;

/**
 * How far a run has come, as counts of nodes. Sent to a {@link ProgressListener} while the run
 * executes and once more, with the final counts, when it is done.
 *
 * @param total nodes the run will finish (computed, read from the store or failed); 0 until planned
 * @param computed nodes computed so far
 * @param cached nodes read from the store so far
 * @param failed nodes that failed so far
 * @param phase what the run is doing, for display: {@code execution}, {@code stage 2/5}, {@code
 *     done}
 */
public record Progress(int total, int computed, int cached, int failed, String phase) {
  /** Nodes finished, whatever their outcome. */
  public int done() {
    return computed + cached + failed;
  }
}
