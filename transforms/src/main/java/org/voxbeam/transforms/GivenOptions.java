package org.voxbeam.transforms;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * The names of the options that were set explicitly, from the command line or by a setter, as
 * opposed to left at their defaults: the one place VoxBeam decides whether a value it would supply
 * (a store directory, a thread count, a DirectRunner default) yields to one the user gave. Read
 * from the options' display data, which lists exactly the options set explicitly, whatever
 * interface declares them.
 */
public final class GivenOptions {
  private final Set<String> names;

  private GivenOptions(Set<String> names) {
    this.names = names;
  }

  /** What is set in {@code options} now; later changes to them are not seen. */
  public static GivenOptions of(PipelineOptions options) {
    return new GivenOptions(
        DisplayData.from(options).items().stream()
            .map(DisplayData.Item::getKey)
            .collect(Collectors.toUnmodifiableSet()));
  }

  /** Whether the option {@code name} (as in {@code --name=value}) was set. */
  public boolean contains(String name) {
    return names.contains(name);
  }
}
