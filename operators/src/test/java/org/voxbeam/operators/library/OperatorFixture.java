package org.voxbeam.operators.library;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** Shorthands for applying standard operators to literal values in tests. */
public final class OperatorFixture {
  private static final OperatorRegistry REGISTRY = StandardLibrary.registry();

  private OperatorFixture() {}

  public static Value apply(String operator, Value... arguments) {
    return REGISTRY.require(operator).apply(Arguments.of(Arrays.asList(arguments)));
  }

  public static Value applyWithAttrs(String operator, JsonObject attrs, Value... arguments) {
    return REGISTRY
        .require(operator)
        .apply(new Arguments(Arrays.asList(arguments), Map.of(), attrs));
  }

  public static Value num(double value) {
    return new NumberValue(value);
  }

  public static Value integer(long value) {
    return new IntegerValue(value);
  }

  public static Value bool(boolean value) {
    return BooleanValue.of(value);
  }

  public static Value str(String value) {
    return new StringValue(value);
  }

  public static Value seq(Value... items) {
    return new SequenceValue(List.of(items));
  }
}
