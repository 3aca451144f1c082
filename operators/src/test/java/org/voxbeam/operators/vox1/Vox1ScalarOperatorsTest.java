package org.voxbeam.operators.vox1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.bool;
import static org.voxbeam.operators.library.OperatorFixture.integer;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;
import static org.voxbeam.operators.library.OperatorFixture.str;

import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.OperatorException;

class Vox1ScalarOperatorsTest {
  @Test
  void arithmeticIsOnFloats() {
    assertEquals(num(5.0), apply("vox1.+", integer(2), integer(3)));
    assertEquals(num(10.0), apply("vox1.*", num(4), num(2.5)));
    assertEquals(num(1.4), apply("vox1./", num(7), num(5)));
    assertEquals(num(-7.0), apply("vox1.-", num(0), num(7)));
    assertEquals(num(5.0), apply("vox1.num_add", num(2), num(3)));
    assertEquals(seq(num(1.0), num(2.0)), apply("vox1.+", seq(integer(0), integer(1)), num(1)));
  }

  @Test
  void divisionByZeroFailsAsPythonDoes() {
    assertEquals(
        "float division by zero",
        assertThrows(OperatorException.class, () -> apply("vox1./", num(1), num(0))).getMessage());
    assertThrows(OperatorException.class, () -> apply("vox1.num_div", num(1), num(-0.0)));
    assertEquals(
        "could not convert string to float: 'x'",
        assertThrows(OperatorException.class, () -> apply("vox1.+", str("x"), num(0)))
            .getMessage());
  }

  @Test
  void comparisonsAndBooleans() {
    assertEquals(bool(true), apply("vox1.<", num(2), num(3)));
    assertEquals(bool(true), apply("vox1.<=", num(3), num(3)));
    assertEquals(bool(false), apply("vox1.!=", num(4), num(4)));
    assertEquals(bool(true), apply("vox1.==", integer(4), num(4)));
    assertEquals(bool(false), apply("vox1.>=", num(2), num(3)));
    assertEquals(bool(true), apply("vox1.num_lt", num(2), num(3)));
    assertEquals(bool(false), apply("vox1.bool_and_scalar", bool(true), bool(false)));
    assertEquals(bool(true), apply("vox1.bool_not_scalar", bool(false)));
  }
}
