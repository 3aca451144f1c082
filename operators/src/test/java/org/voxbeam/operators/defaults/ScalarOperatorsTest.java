package org.voxbeam.operators.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.bool;
import static org.voxbeam.operators.library.OperatorFixture.integer;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;
import static org.voxbeam.operators.library.OperatorFixture.str;

import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.NullValue;

class ScalarOperatorsTest {
  @Test
  void arithmeticKeepsIntegersApartFromFloats() {
    assertEquals(integer(6), apply("default.multiplication", integer(2), integer(3)));
    assertEquals(num(6.0), apply("default.multiplication", integer(2), num(3.0)));
    assertEquals(num(1.0), apply("default.addition", integer(0), num(1.0)));
    assertEquals(integer(2), apply("default.addition", bool(true), bool(true)));
    assertEquals(num(1.5), apply("default.division", integer(3), integer(2)));
    assertEquals(integer(-1), apply("default.subtraction", integer(2), integer(3)));
    assertEquals(str("ab"), apply("default.addition", str("a"), str("b")));
  }

  @Test
  void arithmeticBroadcastsOverSequences() {
    assertEquals(
        seq(num(1.0), num(2.0)), apply("default.addition", seq(integer(0), integer(1)), num(1.0)));
    assertEquals(
        seq(integer(0), integer(4)),
        apply("default.multiplication", seq(integer(0), integer(2)), seq(integer(5), integer(2))));
    assertThrows(
        OperatorException.class,
        () -> apply("default.addition", seq(integer(0)), seq(integer(0), integer(1))));
  }

  @Test
  void failuresSayWhatWasWrong() {
    assertEquals(
        "Division by zero",
        assertThrows(OperatorException.class, () -> apply("default.division", num(1), integer(0)))
            .getMessage());
    assertEquals(
        "unsupported operand type(s) for +: 'str' and 'float'",
        assertThrows(OperatorException.class, () -> apply("default.addition", str("a"), num(1)))
            .getMessage());
    assertTrue(
        assertThrows(
                OperatorException.class,
                () -> apply("default.multiplication", integer(Long.MAX_VALUE), integer(2)))
            .getMessage()
            .contains("overflow"));
    assertEquals(
        "default.addition takes 2 argument(s), got 1",
        assertThrows(OperatorException.class, () -> apply("default.addition", num(1)))
            .getMessage());
  }

  @Test
  void comparisonsAndBooleansFollowPython() {
    assertEquals(bool(true), apply("default.num_gt", num(32), num(20)));
    assertEquals(bool(true), apply("default.num_eq", num(-0.0), integer(0)));
    assertEquals(bool(false), apply("default.num_lt", num(Double.NaN), num(1)));
    assertEquals(bool(true), apply("default.num_neq", num(Double.NaN), num(Double.NaN)));
    assertEquals(bool(false), apply("default.bool_and_scalar", bool(true), num(0.0)));
    assertEquals(bool(true), apply("default.bool_or_scalar", str(""), seq(integer(1))));
    assertEquals(bool(true), apply("default.not_compat", NullValue.INSTANCE));
    assertEquals(bool(true), apply("default.num_leq", str("3"), num(3)));
  }
}
