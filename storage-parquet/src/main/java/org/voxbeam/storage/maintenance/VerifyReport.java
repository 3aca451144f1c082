package org.voxbeam.storage.maintenance;

import java.util.List;

/**
 * What {@code verify} checked and what it found wrong: unreadable or damaged segments (a row that
 * does not match its checksum, a file that does not match its manifest entry), segments the
 * manifest lists that are gone, missing or corrupt blobs (corrupt ones are moved to quarantine),
 * and references to child results that are not stored.
 *
 * @param uncheckedRows rows without a checksum of their own (written before format version 3)
 * @param repairs what {@code --repair} did about the problems; empty without it
 */
public record VerifyReport(
    int segments,
    long rows,
    long blobsChecked,
    long uncheckedRows,
    List<String> problems,
    List<String> repairs) {
  public VerifyReport {
    problems = List.copyOf(problems);
    repairs = List.copyOf(repairs);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
