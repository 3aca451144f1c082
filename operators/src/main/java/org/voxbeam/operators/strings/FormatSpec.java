package org.voxbeam.operators.strings;

import org.voxbeam.kernel.operator.OperatorException;

/**
 * One parsed format spec, {@code [[fill]align][sign][#][0][width][grouping][.precision][type]},
 * read as CPython's {@code parse_internal_render_format_spec} reads it. Characters are code points;
 * {@code 0} stands for an absent sign, grouping or type, {@code -1} for an absent width or
 * precision.
 */
record FormatSpec(
    int fill,
    int align,
    int sign,
    boolean alternate,
    int width,
    int grouping,
    int precision,
    int type) {

  /**
   * Parses {@code text} for a value whose Python type is {@code typeName}, whose type code and
   * alignment default to {@code defaultType} and {@code defaultAlign}.
   */
  static FormatSpec parse(String text, String typeName, int defaultType, int defaultAlign) {
    Reader in = new Reader(text.codePoints().toArray());
    int fill = ' ';
    int align = defaultAlign;
    boolean fillGiven = in.remaining() >= 2 && isAlign(in.peek(1));
    if (fillGiven) {
      fill = in.next();
    }
    boolean alignGiven = in.remaining() >= 1 && isAlign(in.peek(0));
    if (alignGiven) {
      align = in.next();
    }
    int sign = in.take("+- ");
    boolean alternate = in.take("#") != 0;
    if (!fillGiven && in.take("0") != 0) {
      fill = '0';
      if (!alignGiven && defaultAlign == '>') {
        align = '=';
      }
    }
    int width = in.integer();
    int grouping = in.take(",_");
    if (grouping != 0 && in.take(grouping == ',' ? "_" : ",") != 0) {
      throw new OperatorException("Cannot specify both ',' and '_'.");
    }
    int precision = -1;
    if (in.take(".") != 0) {
      precision = in.integer();
      if (precision < 0) {
        throw new OperatorException("Format specifier missing precision");
      }
    }
    if (in.remaining() > 1) {
      throw new OperatorException(
          "Invalid format specifier '" + text + "' for object of type '" + typeName + "'");
    }
    int type = in.remaining() == 1 ? in.next() : defaultType;
    if (grouping != 0 && !allowsGrouping(type, grouping)) {
      throw new OperatorException(
          "Cannot specify '" + (char) grouping + "' with " + quoteCode(type) + ".");
    }
    return new FormatSpec(fill, align, sign, alternate, width, grouping, precision, type);
  }

  /** Python's rendering of a type or conversion code in messages: {@code 'x'} or {@code '\xe9'}. */
  static String quoteCode(int code) {
    return code > 32 && code < 128
        ? "'" + (char) code + "'"
        : "'\\x" + Integer.toHexString(code) + "'";
  }

  private static boolean isAlign(int c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
  }

  /** PEP 378 and PEP 515: separators for decimal types, and {@code _} for binary, octal, hex. */
  private static boolean allowsGrouping(int type, int grouping) {
    return "defgEGF%\0".indexOf(type) >= 0 || (grouping == '_' && "boxX".indexOf(type) >= 0);
  }

  /** A cursor over the spec's code points. */
  private static final class Reader {
    private final int[] text;
    private int pos;

    Reader(int[] text) {
      this.text = text;
    }

    int remaining() {
      return text.length - pos;
    }

    int peek(int ahead) {
      return text[pos + ahead];
    }

    int next() {
      return text[pos++];
    }

    /** Consumes and returns the next code point if it is one of {@code choices}, else 0. */
    int take(String choices) {
      if (remaining() > 0 && choices.indexOf(peek(0)) >= 0) {
        return next();
      }
      return 0;
    }

    /** Consumes a run of decimal digits and returns its value, or -1 when there is none. */
    int integer() {
      int start = pos;
      long value = 0;
      while (remaining() > 0 && Character.digit(peek(0), 10) >= 0) {
        value = value * 10 + Character.digit(next(), 10);
        if (value > Integer.MAX_VALUE) {
          throw new OperatorException("Too many decimal digits in format string");
        }
      }
      return pos == start ? -1 : (int) value;
    }
  }
}
