package org.voxbeam.operators.strings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** Expected texts are what CPython 3.11 prints for the same {@code template.format(*args)}. */
class PythonFormatTest {

  static Stream<Arguments> cpythonCases() {
    return Stream.of(
        Arguments.of("87.32%", "{:.2%}", List.of(new NumberValue(0.8732))),
        Arguments.of("0.873", "{:.3f}", List.of(new NumberValue(0.8732))),
        Arguments.of("12.50%", "{:.2%}", List.of(new NumberValue(0.125))),
        Arguments.of("2", "{:.0f}", List.of(new NumberValue(2.5))),
        Arguments.of("4", "{:.0f}", List.of(new NumberValue(3.5))),
        Arguments.of("0.1", "{:.1f}", List.of(new NumberValue(0.05))),
        Arguments.of("1.00", "{:.2f}", List.of(new NumberValue(1.005))),
        Arguments.of("1.235e+05", "{:.3e}", List.of(new NumberValue(123456.789))),
        Arguments.of("0.0001", "{:g}", List.of(new NumberValue(0.0001))),
        Arguments.of("1e+16", "{:g}", List.of(new NumberValue(1e+16))),
        Arguments.of("0.1", "{}", List.of(new NumberValue(0.1))),
        Arguments.of("1e+16", "{}", List.of(new NumberValue(1e+16))),
        Arguments.of("1e-05", "{}", List.of(new NumberValue(1e-05))),
        Arguments.of("3", "{}", List.of(new IntegerValue(3))),
        Arguments.of("s", "{}", List.of(new StringValue("s"))),
        Arguments.of("'s'", "{!r}", List.of(new StringValue("s"))),
        Arguments.of("True", "{}", List.of(BooleanValue.of(true))),
        Arguments.of("    3.14|", "{:>8.2f}|", List.of(new NumberValue(3.14159))),
        Arguments.of("ab    |", "{:<6}|", List.of(new StringValue("ab"))),
        Arguments.of("  ab   |", "{:^7}|", List.of(new StringValue("ab"))),
        Arguments.of("**ab***|", "{:*^7}|", List.of(new StringValue("ab"))),
        Arguments.of("+42", "{:+d}", List.of(new IntegerValue(42))),
        Arguments.of("1,234,567", "{:,}", List.of(new IntegerValue(1234567))),
        Arguments.of("1_234_567", "{:_}", List.of(new IntegerValue(1234567))),
        Arguments.of("-003.142", "{:08.3f}", List.of(new NumberValue(-3.14159))),
        Arguments.of("ff", "{:x}", List.of(new IntegerValue(255))),
        Arguments.of("0xff", "{:#x}", List.of(new IntegerValue(255))),
        Arguments.of("101", "{:b}", List.of(new IntegerValue(5))),
        Arguments.of("aba", "{0}{1}{0}", List.of(new StringValue("a"), new StringValue("b"))),
        Arguments.of("{}1", "{{}}{}", List.of(new IntegerValue(1))),
        Arguments.of("abc", "{:.3}", List.of(new StringValue("abcdef"))),
        Arguments.of("50.000000%", "{:%}", List.of(new NumberValue(0.5))),
        Arguments.of("-0.0%", "{:.1%}", List.of(new NumberValue(-0.0))),
        Arguments.of("inf", "{:f}", List.of(new NumberValue(Double.POSITIVE_INFINITY))),
        Arguments.of("nan", "{:.2f}", List.of(new NumberValue(Double.NaN))),
        Arguments.of("0.000000e+00", "{:e}", List.of(new NumberValue(0.0))),
        Arguments.of("      1235|", "{:10.4g}|", List.of(new NumberValue(1234.5678))),
        Arguments.of("1,234,567.89", "{:,.2f}", List.of(new NumberValue(1234567.891))),
        Arguments.of("   x|", "{:>{}}|", List.of(new StringValue("x"), new IntegerValue(4))),
        Arguments.of("case_007", "case_{:03d}", List.of(new IntegerValue(7))),
        Arguments.of("2.00", "{:.2f}", List.of(new IntegerValue(2))),
        Arguments.of("1234.5", "{:n}", List.of(new NumberValue(1234.5))),
        Arguments.of("+   3.50", "{:=+8.2f}", List.of(new NumberValue(3.5))),
        Arguments.of("0.1", "{:.15g}", List.of(new NumberValue(0.1))),
        Arguments.of("0.10000000000000001", "{:.17g}", List.of(new NumberValue(0.1))));
  }

  @ParameterizedTest(name = "{1} -> {0}")
  @MethodSource("cpythonCases")
  void formatsAsCPythonDoes(String expected, String template, List<Value> arguments) {
    assertEquals(expected, PythonFormat.format(template, arguments));
  }

  @Test
  void refusesWhatPythonRefuses() {
    assertThrows(
        OperatorException.class, () -> PythonFormat.format("{} {}", List.of(new IntegerValue(1))));
    assertThrows(
        OperatorException.class, () -> PythonFormat.format("{:d}", List.of(new StringValue("x"))));
    assertThrows(OperatorException.class, () -> PythonFormat.format("{", List.of()));
    assertThrows(
        OperatorException.class,
        () -> PythonFormat.format("{0}{}", List.of(new IntegerValue(1), new IntegerValue(2))));
  }
}
