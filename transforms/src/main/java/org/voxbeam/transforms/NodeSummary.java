package org.voxbeam.transforms;

import java.io.Serializable;
import org.voxbeam.pipeline.execution.NodeOutcome;

/**
 * What happened to one node in a Beam run: the small record every task emits per node, so that a
 * run can be audited (and tested) without reading the results themselves.
 *
 * @param id the node's id (hex)
 * @param outcome computed, read from the store, or failed
 * @param bytes approximate size of the result
 * @param nanos time spent on the node (computing, or confirming and reading it from the store)
 * @param stage the stage that reported it
 */
public record NodeSummary(String id, NodeOutcome outcome, long bytes, long nanos, int stage)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
