package org.voxbeam.launcher.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line and configuration forms of durations ({@code 90s}, {@code 12h}, {@code 30d}) and
 * sizes ({@code 10GB}).
 */
public final class Quantities {
  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

  private Quantities() {}

  /** Durations with a unit: s, m, h or d. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      Matcher matcher = AMOUNT.matcher(text.strip());
      if (!matcher.matches()) {
        throw new TypeConversionException(
            "'" + text + "' is not a duration such as 500ms, 90s, 30m, 12h or 7d");
      }
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default ->
            throw new TypeConversionException("'" + text + "' needs a unit: ms, s, m, h or d");
      };
    }
  }

  /** Sizes in bytes with an optional unit: B, KB, MB, GB, TB (powers of 1024). */
  public static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      Matcher matcher = AMOUNT.matcher(text.strip());
      if (!matcher.matches()) {
        throw new TypeConversionException("'" + text + "' is not a size such as 500MB or 10GB");
      }
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
        case "", "B" -> amount;
        case "KB" -> amount << 10;
        case "MB" -> amount << 20;
        case "GB" -> amount << 30;
        case "TB" -> amount << 40;
        default ->
            throw new TypeConversionException(
                "'" + text + "' has an unknown unit; use B, KB, MB, GB or TB");
      };
    }
  }
}
