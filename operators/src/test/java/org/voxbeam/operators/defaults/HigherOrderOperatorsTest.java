package org.voxbeam.operators.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.applyWithAttrs;
import static org.voxbeam.operators.library.OperatorFixture.bool;
import static org.voxbeam.operators.library.OperatorFixture.integer;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.seq;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

class HigherOrderOperatorsTest {
  private static final NodeId SOME_NODE = new NodeId("0".repeat(64));

  private static FunctionValue function(UnaryOperator<Value> body) {
    return new FunctionValue() {
      @Override
      public int arity() {
        return 1;
      }

      @Override
      public Value apply(List<Value> arguments) {
        return body.apply(arguments.get(0));
      }
    };
  }

  private static JsonObject fold(String operator) {
    return new JsonObject(Map.of("operator", JsonValue.of(operator)));
  }

  private static final Value RANGE =
      seq(integer(0), integer(1), integer(2), integer(3), integer(4));

  @Test
  void mapAndForApplyTheClosureToEachItem() {
    FunctionValue times10 = function(x -> apply("vox1.*", x, num(10)));
    assertEquals(
        seq(num(0), num(10), num(20), num(30), num(40)), apply("default.map", RANGE, times10));
    assertEquals(
        seq(integer(0), integer(1), integer(4), integer(9), integer(16)),
        apply("default.for_loop", RANGE, function(i -> apply("default.multiplication", i, i))));
  }

  @Test
  void aFailingItemFailsTheWholeMapWithItsPosition() {
    FunctionValue failing =
        function(x -> new ErrorValue("boom", SOME_NODE, "closure", Optional.empty()));
    assertEquals(
        "map failed on item 0: boom",
        assertThrows(OperatorException.class, () -> apply("default.map", RANGE, failing))
            .getMessage());
    assertThrows(OperatorException.class, () -> apply("default.map", RANGE, num(1)));
  }

  @Test
  void filterKeepsTruthyItems() {
    assertEquals(
        seq(integer(3), integer(4)),
        apply("default.filter", RANGE, function(x -> apply("vox1.>", x, num(2)))));
  }

  @Test
  void foldReducesWithPythonSemantics() {
    assertEquals(num(10.0), applyWithAttrs("default.fold", fold("+"), num(0), RANGE));
    assertEquals(integer(10), applyWithAttrs("default.fold", fold("+"), RANGE));
    assertEquals(num(0.0), applyWithAttrs("default.fold", fold("*"), num(1), RANGE));
    assertEquals(integer(4), applyWithAttrs("default.fold", fold("max"), RANGE));
    assertEquals(integer(0), applyWithAttrs("default.fold", fold("min"), RANGE));
    assertEquals(
        num(1.0),
        applyWithAttrs("default.fold", fold("max"), seq(num(1.0), integer(1))),
        "ties keep the first");
    assertEquals(bool(false), applyWithAttrs("default.fold", fold("&&"), RANGE));
    assertThrows(
        OperatorException.class,
        () -> applyWithAttrs("default.fold", fold("max"), SequenceValue.EMPTY));
    assertThrows(OperatorException.class, () -> applyWithAttrs("default.fold", fold("pow"), RANGE));
    assertThrows(OperatorException.class, () -> apply("default.fold", RANGE));
  }
}
