package org.voxbeam.pipeline.inputs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;

/**
 * One run's answers to "is this recorded input unchanged?": each distinct input is checked once per
 * run, so the twenty items of a map that all depend on one listing cost one check, and every result
 * of the run is judged against the same state of the file system.
 */
public final class InputCheck {
  private final InputFingerprints fingerprints;
  private final Map<RecordedInput, Boolean> outcomes = new ConcurrentHashMap<>();

  public InputCheck(InputFingerprints fingerprints) {
    this.fingerprints = fingerprints;
  }

  /**
   * Whether every file and listing in {@code inputs} still has its recorded fingerprint. Item
   * entries are not the file system's to judge and are skipped here (see {@link
   * org.voxbeam.pipeline.execution.ResultReuse.ItemLookup#reusable}).
   */
  public boolean unchanged(RecordedInputs inputs) {
    for (RecordedInput input : inputs.entries()) {
      if (input.kind() != RecordedInput.Kind.ITEM
          && !outcomes.computeIfAbsent(input, fingerprints::matches)) {
        return false;
      }
    }
    return true;
  }
}
