package org.voxbeam.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Inputs are a sorted set; unions share what adds nothing; unknown inputs count as none in a union.
 */
class RecordedInputsTest {
  private static final RecordedInput B = file("b", "22");
  private static final RecordedInput A = file("a", "11");
  private static final RecordedInput LISTING =
      new RecordedInput(RecordedInput.Kind.LISTING, "dir", Optional.of("33"), Optional.empty());

  @Test
  void entriesAreSortedWithoutRepeats() {
    RecordedInputs inputs = RecordedInputs.of(List.of(LISTING, B, A, B));
    assertEquals(List.of(A, B, LISTING), inputs.entries());
    assertTrue(inputs.known());
    assertSame(RecordedInputs.NONE, RecordedInputs.of(List.of()));
  }

  @Test
  void aUnionSharesAnOperandThatHoldsEverything() {
    RecordedInputs ab = RecordedInputs.of(List.of(A, B));
    assertSame(ab, ab.union(RecordedInputs.of(List.of(A))));
    assertSame(ab, RecordedInputs.NONE.union(ab));
    assertEquals(List.of(A, B, LISTING), ab.union(RecordedInputs.of(List.of(LISTING))).entries());
  }

  @Test
  void unknownInputsCountAsNoneInAUnion() {
    assertFalse(RecordedInputs.UNKNOWN.known());
    assertEquals(RecordedInputs.NONE, RecordedInputs.UNKNOWN.union(RecordedInputs.NONE));
    assertEquals(List.of(A), RecordedInputs.UNKNOWN.union(RecordedInputs.of(List.of(A))).entries());
    assertTrue(RecordedInputs.of(List.of(A)).union(RecordedInputs.UNKNOWN).known());
  }

  private static RecordedInput file(String path, String sha) {
    return new RecordedInput(RecordedInput.Kind.FILE, path, Optional.of(sha), Optional.empty());
  }
}
