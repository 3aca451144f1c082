package org.voxbeam.storage.maintenance;

import java.util.List;

/**
 * What {@code verify} checked and what it found wrong: unreadable segments, missing or corrupt
 * blobs (corrupt ones are moved to quarantine), and references to child results that are not
 * stored.
 */
public record VerifyReport(int segments, long rows, long blobsChecked, List<String> problems) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
