package org.voxbeam.operators.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.integer;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;
import static org.voxbeam.operators.library.OperatorFixture.str;

import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

class SequenceOperatorsTest {
  private static final Value XS = seq(num(10), num(20), num(30), num(40), num(50));

  @Test
  void rangeYieldsIntegers() {
    assertEquals(seq(integer(0), integer(1), integer(2)), apply("default.range", num(3.0)));
    assertEquals(seq(integer(2), integer(3)), apply("default.range", num(2.0), integer(4)));
    assertEquals(SequenceValue.EMPTY, apply("default.range", num(5), num(1)));
    assertEquals(
        "stop must be an integer, got float: 2.5",
        assertThrows(OperatorException.class, () -> apply("default.range", num(2.5))).getMessage());
    assertThrows(OperatorException.class, () -> apply("default.range", num(0), num(1e12)));
  }

  @Test
  void indexReadsOneItemAndRefusesBadPositions() {
    assertEquals(num(20), apply("default.index", XS, num(1.0)));
    assertEquals(num(50), apply("default.index", XS, str(" 4 ")));
    assertEquals(str("b"), apply("default.index", str("abc"), integer(1)));
    assertEquals(
        "Index argument must be non-negative, got: -1",
        assertThrows(OperatorException.class, () -> apply("default.index", XS, integer(-1)))
            .getMessage());
    assertThrows(OperatorException.class, () -> apply("default.index", XS, integer(5)));
    assertThrows(OperatorException.class, () -> apply("default.index", num(1), integer(0)));
  }

  @Test
  void sliceFollowsPythonBounds() {
    assertEquals(seq(num(20), num(30), num(40)), apply("default.slice", XS, num(1), num(4)));
    assertEquals(seq(num(10), num(20)), apply("default.slice", XS, NullValue.INSTANCE, num(2)));
    assertEquals(seq(num(40), num(50)), apply("default.slice", XS, num(3), NullValue.INSTANCE));
    assertEquals(XS, apply("default.slice", XS, NullValue.INSTANCE, NullValue.INSTANCE));
    assertEquals(seq(num(40), num(50)), apply("default.slice", XS, num(-2), NullValue.INSTANCE));
    assertEquals(SequenceValue.EMPTY, apply("default.slice", XS, num(4), num(2)));
    assertEquals(XS, apply("default.slice", XS, num(-100), num(100)));
  }

  @Test
  void subsequenceSequenceAndArgmax() {
    assertEquals(seq(num(10), num(20)), apply("default.subsequence", XS, num(2)));
    assertEquals(seq(num(30), num(40)), apply("default.subsequence", XS, num(2), num(4)));
    assertEquals(SequenceValue.EMPTY, apply("default.subsequence", XS, num(-5), num(0)));
    assertEquals(seq(num(1), str("a")), apply("default.sequence", num(1), str("a")));
    assertEquals(SequenceValue.EMPTY, apply("default.sequence"));
    assertEquals(integer(1), apply("default.argmax", seq(num(1), num(5), integer(5), num(2))));
    assertThrows(OperatorException.class, () -> apply("default.argmax", SequenceValue.EMPTY));
  }
}
