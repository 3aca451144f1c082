package org.voxbeam.benchmarks.beam;

import java.util.List;

/**
 * One way of running the plan that a round times: the in-process scheduler (the baseline), or a
 * Beam pipeline on the DirectRunner with a stage cap and extra Beam options.
 *
 * @param label how the report names it
 * @param maxStages the stage cap of a Beam run; 0 for the in-process baseline
 * @param beamArgs extra {@code --name=value} options given to Beam
 */
record Variant(String label, int maxStages, List<String> beamArgs) {
  static final Variant IN_PROCESS = new Variant("in-process scheduler", 0, List.of());

  Variant {
    beamArgs = List.copyOf(beamArgs);
  }

  boolean isBeam() {
    return maxStages > 0;
  }
}
