package org.voxbeam.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatsTest {
  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource({
    "0.0, 0.0",
    "-0.0, -0.0",
    "1.0, 1.0",
    "2.5, 2.5",
    "0.1, 0.1",
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "1e-5, 1e-05",
    "1e-4, 0.0001",
    "0.001, 0.001",
    "123456789.123, 123456789.123",
    "1e300, 1e+300",
    "4.9e-324, 5e-324",
    "3.141592653589793, 3.141592653589793",
    "0.3333333333333333, 0.3333333333333333",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "-1.5e-7, -1.5e-07",
    "1e22, 1e+22",
    "1e23, 1e+23",
    "9007199254740993, 9007199254740992.0",
    "0.30000000000000004, 0.30000000000000004",
    "100.0, 100.0",
    "1234567890123456.7, 1234567890123456.8",
    "12345678901234567.0, 1.2345678901234568e+16",
    "2e-3, 0.002",
    "5e-5, 5e-05",
  })
  void matchesPythonRepr(double value, String expected) {
    assertEquals(expected, PythonFloats.repr(value));
  }

  @Test
  void nonFiniteValuesUsePythonNames() {
    assertEquals("nan", PythonFloats.repr(Double.NaN));
    assertEquals("inf", PythonFloats.repr(Double.POSITIVE_INFINITY));
    assertEquals("-inf", PythonFloats.repr(Double.NEGATIVE_INFINITY));
  }

  /** The output is always the shortest string that reads back as the same double. */
  @Test
  void roundTripsAndIsNoLongerThanJavaDigits() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String repr = PythonFloats.repr(value);
      assertEquals(value, Double.parseDouble(repr), repr);
      assertEquals(
          true, significantDigits(repr) <= significantDigits(Double.toString(value)), repr);
    }
  }

  private static int significantDigits(String text) {
    String mantissa = text.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
    mantissa = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
    return Math.max(1, mantissa.length());
  }
}
