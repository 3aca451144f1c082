package org.voxbeam.pipeline.beam;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * VoxBeam's defaults for the DirectRunner's own options, applied only to options the user did not
 * set.
 *
 * <p>The DirectRunner checks, for every element, that no transform mutates it
 * ({@code enforceImmutability}: it encodes each element before and after and compares) and that
 * its coder round-trips it ({@code enforceEncodability}). Both are test aids for authors of
 * transforms. VoxBeam's elements are tasks of thousands of nodes and per-node summaries, its
 * coders are tested, and its DoFns do not mutate their inputs, so the checks cost time (runs a fifth
 * to a third longer in the {@code beam} benchmark, with up to 40% more peak heap) and find nothing;
 * they are off unless asked for. Which options were
 * set is read from the options' display data, which lists exactly the options given explicitly.
 */
final class DirectRunnerDefaults {
  private static final String IMMUTABILITY = "enforceImmutability";
  private static final String ENCODABILITY = "enforceEncodability";
  private static final String TARGET_PARALLELISM = "targetParallelism";

  private DirectRunnerDefaults() {}

  /**
   * Turns the element checks off, and sets the worker threads to {@code threads} when it is
   * positive, unless the user set those options.
   */
  static void apply(PipelineOptions options, int threads) {
    Set<String> explicit = explicitlySet(options);
    DirectOptions direct = options.as(DirectOptions.class);
    if (!explicit.contains(IMMUTABILITY)) {
      direct.setEnforceImmutability(false);
    }
    if (!explicit.contains(ENCODABILITY)) {
      direct.setEnforceEncodability(false);
    }
    if (threads > 0 && !explicit.contains(TARGET_PARALLELISM)) {
      direct.setTargetParallelism(threads);
    }
  }

  private static Set<String> explicitlySet(PipelineOptions options) {
    return DisplayData.from(options).items().stream()
        .filter(item -> item.getNamespace().equals(DirectOptions.class))
        .map(DisplayData.Item::getKey)
        .collect(Collectors.toSet());
  }
}
