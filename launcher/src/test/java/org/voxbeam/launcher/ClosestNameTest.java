package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
  private static final List<String> COMMANDS =
      List.of("run", "export", "plan", "explain", "store", "runs", "get", "serve");

  @Test
  void swapsTyposAndMissingLettersFindTheName() {
    assertEquals(Optional.of("run"), ClosestName.among("rnu", COMMANDS));
    assertEquals(Optional.of("serve"), ClosestName.among("srve", COMMANDS));
    assertEquals(Optional.of("explain"), ClosestName.among("EXPLIAN", COMMANDS));
    assertEquals(
        Optional.of("--threads"),
        ClosestName.among("--threds", List.of("--json", "--threads", "--refresh")));
  }

  @Test
  void aWordResemblingNothingGetsNoHint() {
    assertEquals(Optional.empty(), ClosestName.among("frobnicate", COMMANDS));
    assertEquals(Optional.empty(), ClosestName.among("xyz", COMMANDS));
  }

  @Test
  void distanceCountsEditsAndSwaps() {
    assertEquals(0, ClosestName.distance("run", "run"));
    assertEquals(1, ClosestName.distance("rnu", "run"));
    assertEquals(1, ClosestName.distance("--threds", "--threads"));
    assertEquals(3, ClosestName.distance("", "abc"));
  }
}
