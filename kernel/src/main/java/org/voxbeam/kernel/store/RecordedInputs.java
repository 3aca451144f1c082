package org.voxbeam.kernel.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Everything outside the store a result depends on, directly or through its inputs: a sorted set of
 * {@link RecordedInput}s. Results of nodes that read nothing outside the store have the empty set.
 * Rows written before inputs were recorded (store format version 1) have an unknown set, which the
 * engine treats as described in docs/store-format.md.
 *
 * <p>Immutable; unions share an operand when the other adds nothing, so the chains of a large plan
 * do not copy their sets node by node.
 */
public final class RecordedInputs {
  /** No external inputs. */
  public static final RecordedInputs NONE = new RecordedInputs(List.of(), true);

  /** Not recorded: a row of store format version 1. */
  public static final RecordedInputs UNKNOWN = new RecordedInputs(List.of(), false);

  private final List<RecordedInput> entries;
  private final boolean known;

  private RecordedInputs(List<RecordedInput> entries, boolean known) {
    this.entries = entries;
    this.known = known;
  }

  /** The set of {@code inputs}, sorted, without repeats. */
  public static RecordedInputs of(Collection<RecordedInput> inputs) {
    if (inputs.isEmpty()) {
      return NONE;
    }
    return new RecordedInputs(List.copyOf(new TreeSet<>(inputs)), true);
  }

  /** The entries, sorted; empty when none or unknown. */
  public List<RecordedInput> entries() {
    return entries;
  }

  /** Whether the set was recorded at all; false only for rows of format version 1. */
  public boolean known() {
    return known;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * This set and {@code other}'s. An unknown set counts as empty here: the engine reuses a result
   * with unknown inputs only when it has found that it depends on no file (see
   * docs/store-format.md), and what is computed from it then depends on no file through it.
   */
  public RecordedInputs union(RecordedInputs other) {
    if (other.entries.isEmpty()) {
      return known ? this : NONE;
    }
    if (entries.isEmpty()) {
      return other;
    }
    TreeSet<RecordedInput> all = new TreeSet<>(entries);
    if (!all.addAll(other.entries)) {
      return this;
    }
    return new RecordedInputs(List.copyOf(all), true);
  }

  /** The entries {@code keep} accepts. */
  public RecordedInputs filter(Predicate<RecordedInput> keep) {
    List<RecordedInput> kept = new ArrayList<>(entries.size());
    for (RecordedInput input : entries) {
      if (keep.test(input)) {
        kept.add(input);
      }
    }
    return kept.size() == entries.size() ? this : of(kept);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedInputs that
        && known == that.known
        && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode() * 31 + Boolean.hashCode(known);
  }

  @Override
  public String toString() {
    return known ? entries.toString() : "unknown";
  }
}
