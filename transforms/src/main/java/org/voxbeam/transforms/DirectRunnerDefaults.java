package org.voxbeam.transforms;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * VoxBeam's defaults for the DirectRunner's own options, applied only to options the user did not
 * set ({@link GivenOptions}).
 *
 * <p>The DirectRunner checks, for every element, that no transform mutates it ({@code
 * enforceImmutability}: it encodes each element before and after and compares) and that its coder
 * round-trips it ({@code enforceEncodability}). Both are test aids for authors of transforms.
 * VoxBeam's elements are tasks of thousands of nodes and per-node summaries, its coders are tested
 * ({@code CoderProperties}), and its DoFns do not mutate their inputs, so the checks cost time
 * (runs a fifth to a third longer in the {@code beam} benchmark, with up to 40% more peak heap) and
 * find nothing; they are off unless asked for.
 */
final class DirectRunnerDefaults {
  private DirectRunnerDefaults() {}

  /**
   * Turns the element checks off, and sets the worker threads to {@code threads} when it is
   * positive, unless the user set those options.
   */
  static void apply(PipelineOptions options, GivenOptions given, int threads) {
    DirectOptions direct = options.as(DirectOptions.class);
    if (!given.contains("enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given.contains("enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
    if (threads > 0 && !given.contains("targetParallelism")) {
      direct.setTargetParallelism(threads);
    }
  }

  /**
   * Makes {@code run()} return at once, so that the pipeline can be watched while it runs, unless
   * the user set {@code blockOnRun}.
   */
  static void returnAtOnce(PipelineOptions options, GivenOptions given) {
    if (!given.contains("blockOnRun")) {
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
  }
}
