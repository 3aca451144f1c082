package org.voxbeam.launcher.config;

import java.util.Optional;
import picocli.CommandLine.TypeConversionException;

/** What a configuration value must look like; {@link #problem} says what is wrong with one. */
enum ValueKind {
  TEXT,
  NON_NEGATIVE_INTEGER,
  POSITIVE_INTEGER,
  PORT,
  DURATION,
  SIZE,
  AGE_BASIS;

  /** Why {@code value} is not acceptable, or empty if it is. */
  Optional<String> problem(String value) {
    String text = value.strip();
    return switch (this) {
      case TEXT -> text.isEmpty() ? Optional.of("must not be empty") : Optional.empty();
      case NON_NEGATIVE_INTEGER -> integerProblem(text, 0, Long.MAX_VALUE);
      case POSITIVE_INTEGER -> integerProblem(text, 1, Integer.MAX_VALUE);
      case PORT -> integerProblem(text, 0, 65_535);
      case DURATION -> conversionProblem(() -> new Quantities.DurationConverter().convert(text));
      case SIZE -> conversionProblem(() -> new Quantities.SizeConverter().convert(text));
      case AGE_BASIS ->
          text.equals("created") || text.equals("access")
              ? Optional.empty()
              : Optional.of("must be created or access, got '" + text + "'");
      default -> throw new AssertionError(this);
    };
  }

  private static Optional<String> integerProblem(String text, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return Optional.of("must be an integer, got '" + text + "'");
    }
    if (value < min || value > max) {
      return Optional.of("must be between " + min + " and " + max + ", got " + value);
    }
    return Optional.empty();
  }

  private static Optional<String> conversionProblem(Runnable conversion) {
    try {
      conversion.run();
      return Optional.empty();
    } catch (TypeConversionException e) {
      return Optional.of(e.getMessage());
    }
  }
}
