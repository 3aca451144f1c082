package org.voxbeam.operators.strings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.voxbeam.kernel.json.PythonFloats;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * Python's {@code template.format(*arguments)}, as CPython computes it. VoxLogicA-2 programs name
 * files and label results with {@code format_string}, so they observe Python's exact text: floats
 * rounded from their exact binary value (half to even), {@code repr} when no precision is given,
 * padding, signs and digit grouping, and the messages of Python's errors.
 *
 * <p>Covers positional fields ({@code {}}, {@code {0}}), the conversions {@code !s}, {@code !r} and
 * {@code !a}, fields nested in a spec ({@code {:>{}}}) and the format-spec mini-language of {@code
 * str}, {@code int}, {@code bool} and {@code float}, with {@code n} read in the C locale that
 * Python uses unless a program changes it. Keyword fields cannot occur (there are no keyword
 * arguments); attribute and index access ({@code {0.real}}, {@code {0[1]}}) and the {@code z}
 * option are not supported.
 */
final class PythonFormat {
  /** CPython expands one level of fields nested in a spec, no deeper. */
  private static final int MAX_RECURSION = 2;

  private static final int DEFAULT_PRECISION = 6;

  /** {@code repr} switches to exponent form outside {@code -4 < decpt <= 16}. */
  private static final int REPR_MAX_FIXED_POINT = 16;

  private final List<Value> arguments;
  private boolean automatic;
  private boolean manual;
  private int nextAutomatic;

  private PythonFormat(List<Value> arguments) {
    this.arguments = arguments;
  }

  /**
   * {@code template.format(*arguments)}.
   *
   * @throws OperatorException with Python's message where Python raises
   */
  public static String format(String template, List<Value> arguments) {
    return new PythonFormat(arguments).render(template, MAX_RECURSION);
  }

  /** CPython's {@code build_string}: literal text with its fields replaced. */
  private String render(String template, int depth) {
    if (depth <= 0) {
      throw new OperatorException("Max string recursion exceeded");
    }
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (pos < template.length()) {
      char c = template.charAt(pos++);
      boolean brace = c == '{' || c == '}';
      if (!brace) {
        out.append(c);
      } else if (pos < template.length() && template.charAt(pos) == c) {
        out.append(c);
        pos++;
      } else if (c == '}') {
        throw new OperatorException("Single '}' encountered in format string");
      } else if (pos == template.length()) {
        throw new OperatorException("Single '{' encountered in format string");
      } else {
        pos = replaceField(template, pos, depth, out);
      }
    }
    return out.toString();
  }

  /**
   * Appends the replacement of the field starting after the {@code {} at {@code pos}, scanning it
   * as CPython's {@code parse_field} does, and returns the position after its {@code }}.
   */
  private int replaceField(String template, int pos, int depth, StringBuilder out) {
    int end = template.length();
    int nameStart = pos;
    int nameEnd = -1;
    while (pos < end && nameEnd < 0) {
      char c = template.charAt(pos++);
      if (c == '{') {
        throw new OperatorException("unexpected '{' in field name");
      } else if (c == '[') {
        while (pos < end && template.charAt(pos) != ']') {
          pos++;
        }
      } else if (c == '}' || c == ':' || c == '!') {
        nameEnd = pos - 1;
      }
    }
    if (nameEnd < 0) {
      throw new OperatorException("expected '}' before end of string");
    }
    int conversion = 0;
    boolean closed = template.charAt(nameEnd) == '}';
    if (template.charAt(nameEnd) == '!') {
      if (pos == end) {
        throw new OperatorException("end of string while looking for conversion specifier");
      }
      conversion = template.codePointAt(pos);
      pos += Character.charCount(conversion);
      if (pos < end) {
        char c = template.charAt(pos++);
        closed = c == '}';
        if (!closed && c != ':') {
          throw new OperatorException("expected ':' after conversion specifier");
        }
      }
    }
    String spec = "";
    boolean nested = false;
    if (!closed) {
      int specStart = pos;
      int open = 1;
      while (pos < end && open > 0) {
        char c = template.charAt(pos++);
        nested |= c == '{';
        open += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (open > 0) {
        throw new OperatorException("unmatched '{' in format spec");
      }
      spec = template.substring(specStart, pos - 1);
    }
    Value value = convert(argument(template.substring(nameStart, nameEnd)), conversion);
    out.append(formatValue(value, nested ? render(spec, depth - 1) : spec));
    return pos;
  }

  /** The argument a field names: {@code ""} for the next one, or a decimal index. */
  private Value argument(String field) {
    int split = 0;
    while (split < field.length() && field.charAt(split) != '.' && field.charAt(split) != '[') {
      split++;
    }
    String first = field.substring(0, split);
    long index = first.isEmpty() ? nextAutomatic : index(first);
    if (first.isEmpty()) {
      if (manual) {
        throw new OperatorException(
            "cannot switch from manual field specification to automatic field numbering");
      }
      automatic = true;
      nextAutomatic++;
    } else if (automatic) {
      throw new OperatorException(
          "cannot switch from automatic field numbering to manual field specification");
    } else {
      manual = true;
    }
    if (index >= arguments.size()) {
      throw new OperatorException(
          "Replacement index " + index + " out of range for positional args tuple");
    }
    if (split < field.length()) {
      throw new OperatorException(
          "Attribute and index access in replacement fields is not supported: {" + field + "}");
    }
    return arguments.get((int) index);
  }

  /**
   * A field name's decimal index; a name that is not one would be a keyword, and there are none.
   */
  private static long index(String name) {
    long index = 0;
    for (int c : name.codePoints().toArray()) {
      int digit = Character.digit(c, 10);
      if (digit < 0) {
        throw new OperatorException("KeyError: " + PythonText.repr(new StringValue(name)));
      } else if (index > (Long.MAX_VALUE - digit) / 10) {
        throw new OperatorException("Too many decimal digits in format string");
      }
      index = index * 10 + digit;
    }
    return index;
  }

  private static Value convert(Value value, int conversion) {
    return switch (conversion) {
      case 0 -> value;
      case 's' -> new StringValue(PythonText.str(value));
      case 'r' -> new StringValue(PythonText.repr(value));
      case 'a' -> new StringValue(ascii(PythonText.repr(value)));
      default ->
          throw new OperatorException(
              "Unknown conversion specifier "
                  + (conversion > 32 && conversion < 127
                      ? Character.toString(conversion)
                      : "\\x" + Integer.toHexString(conversion)));
    };
  }

  /** Python's {@code ascii()} of a repr: non-ASCII characters as escapes. */
  private static String ascii(String repr) {
    StringBuilder out = new StringBuilder();
    repr.codePoints()
        .forEach(
            c -> {
              if (c < 0x80) {
                out.append((char) c);
              } else {
                String hex = Integer.toHexString(c);
                String escape = c < 0x100 ? "\\x00" : c < 0x10000 ? "\\u0000" : "\\U00000000";
                out.append(escape, 0, escape.length() - hex.length()).append(hex);
              }
            });
    return out.toString();
  }

  /** Python's {@code format(value, spec)}. */
  private static String formatValue(Value value, String spec) {
    if (spec.isEmpty()) {
      return PythonText.str(value);
    }
    if (value instanceof StringValue s) {
      return formatString(s.value(), FormatSpec.parse(spec, "str", 's', '<'));
    } else if (value instanceof IntegerValue i) {
      return formatInteger(i.value(), FormatSpec.parse(spec, "int", 'd', '>'), "int");
    } else if (value instanceof BooleanValue b) {
      return formatInteger(b.value() ? 1 : 0, FormatSpec.parse(spec, "bool", 'd', '>'), "bool");
    } else if (value instanceof NumberValue n) {
      return formatFloat(n.value(), FormatSpec.parse(spec, "float", 0, '>'));
    }
    throw new OperatorException(
        "unsupported format string passed to " + typeName(value) + ".__format__");
  }

  /** Python's type name of a value formatted by {@code object.__format__}. */
  private static String typeName(Value value) {
    if (value instanceof NullValue) {
      return "NoneType";
    } else if (value instanceof SequenceValue) {
      return "list";
    } else if (value instanceof MappingValue) {
      return "dict";
    } else if (value instanceof BytesValue) {
      return "bytes";
    } else if (value instanceof NdArrayValue) {
      return "numpy.ndarray";
    }
    return value.voxType();
  }

  private static String formatString(String text, FormatSpec spec) {
    if (spec.type() != 's') {
      throw unknownCode(spec.type(), "str");
    } else if (spec.sign() == ' ') {
      throw new OperatorException("Space not allowed in string format specifier");
    } else if (spec.sign() != 0) {
      throw new OperatorException("Sign not allowed in string format specifier");
    } else if (spec.alternate()) {
      throw new OperatorException("Alternate form (#) not allowed in string format specifier");
    } else if (spec.align() == '=') {
      throw new OperatorException("'=' alignment not allowed in string format specifier");
    }
    int length = text.codePointCount(0, text.length());
    if (spec.precision() >= 0 && spec.precision() < length) {
      text = text.substring(0, text.offsetByCodePoints(0, spec.precision()));
      length = spec.precision();
    }
    return pad("", text, spec.width() - length, spec);
  }

  private static String formatInteger(long value, FormatSpec spec, String typeName) {
    int type = spec.type();
    if ("eEfFgG%".indexOf(type) >= 0) {
      return formatFloat(value, spec);
    }
    if ("bcdnoxX".indexOf(type) < 0) {
      throw unknownCode(type, typeName);
    } else if (spec.precision() >= 0) {
      throw new OperatorException("Precision not allowed in integer format specifier");
    } else if (type == 'c') {
      return formatCharacter(value, spec);
    }
    int radix =
        switch (type) {
          case 'b' -> 2;
          case 'o' -> 8;
          case 'x', 'X' -> 16;
          default -> 10;
        };
    String prefix = spec.alternate() && radix != 10 ? "0" + (char) type : "";
    String digits = Long.toString(value, radix).replace("-", "");
    if (type == 'X') {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    return layoutNumber(spec, value < 0, prefix, digits, "", radix == 10 ? 3 : 4);
  }

  /** Type {@code c}: the character with that code point, laid out as a number without digits. */
  private static String formatCharacter(long value, FormatSpec spec) {
    if (spec.sign() != 0) {
      throw new OperatorException("Sign not allowed with integer format specifier 'c'");
    } else if (spec.alternate()) {
      throw new OperatorException(
          "Alternate form (#) not allowed with integer format specifier 'c'");
    } else if (value < 0 || value > Character.MAX_CODE_POINT) {
      throw new OperatorException("%c arg not in range(0x110000)");
    }
    return layoutNumber(spec, false, "", "", Character.toString((int) value), 3);
  }

  private static String formatFloat(double value, FormatSpec spec) {
    int type = spec.type();
    if ("eEfFgGn%\0".indexOf(type) < 0) {
      throw unknownCode(type, "float");
    }
    double x = type == '%' ? value * 100 : value;
    String text =
        Double.isNaN(x) ? "nan" : Double.isInfinite(x) ? "inf" : finite(Math.abs(x), spec);
    if ("EFG".indexOf(type) >= 0) {
      text = text.toUpperCase(Locale.ROOT);
    }
    if (type == '%') {
      text += "%";
    }
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    boolean negative = !Double.isNaN(x) && Double.doubleToRawLongBits(x) < 0;
    return layoutNumber(spec, negative, "", text.substring(0, digits), text.substring(digits), 3);
  }

  /** CPython's {@code PyOS_double_to_string} of a finite, non-negative value, in lower case. */
  private static String finite(double magnitude, FormatSpec spec) {
    int precision = spec.precision() < 0 ? DEFAULT_PRECISION : spec.precision();
    boolean alternate = spec.alternate();
    BigDecimal exact = new BigDecimal(magnitude);
    return switch (spec.type()) {
      case 'f', 'F', '%' -> {
        Digits rounded = Digits.of(exact.setScale(precision, RoundingMode.HALF_EVEN));
        yield rounded.layout(rounded.point() + precision, false, false, alternate);
      }
      case 'e', 'E' ->
          significant(exact, precision + 1).layout(precision + 1, true, false, alternate);
      case 'g', 'G', 'n' -> general(exact, precision, false, alternate);
      default -> {
        if (spec.precision() >= 0) {
          yield general(exact, precision, true, alternate);
        }
        Digits shortest = Digits.of(new BigDecimal(PythonFloats.repr(magnitude)));
        boolean exponent = shortest.point() <= -4 || shortest.point() > REPR_MAX_FIXED_POINT;
        yield shortest.layout(shortest.digits().length(), exponent, true, alternate);
      }
    };
  }

  /**
   * Types {@code g} and none: {@code precision} significant digits, in exponent form when the
   * exponent is below -4 or reaches the precision ({@code precision - 1} with {@code addDotZero},
   * which also keeps a digit after the point), trailing zeros dropped unless {@code alternate}.
   */
  private static String general(
      BigDecimal exact, int precision, boolean addDotZero, boolean alternate) {
    int significant = Math.max(precision, 1);
    Digits rounded = significant(exact, significant);
    int point = rounded.point();
    boolean exponent = point <= -4 || point > (addDotZero ? significant - 1 : significant);
    int end = alternate ? significant : rounded.digits().length();
    return rounded.layout(end, exponent, addDotZero, alternate);
  }

  private static Digits significant(BigDecimal exact, int digits) {
    return Digits.of(exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
  }

  /**
   * CPython's {@code calc_number_widths} and {@code fill_number}: sign, prefix, integer digits
   * (grouped, and zero-filled when the fill is {@code 0} with {@code =} alignment) and the rest.
   */
  private static String layoutNumber(
      FormatSpec spec, boolean negative, String prefix, String digits, String rest, int groupSize) {
    String sign = negative ? "-" : spec.sign() == '+' ? "+" : spec.sign() == ' ' ? " " : "";
    String head = sign + prefix;
    int fixed = head.length() + rest.codePointCount(0, rest.length());
    int minDigits = spec.fill() == '0' && spec.align() == '=' ? spec.width() - fixed : 0;
    String grouped = group(digits, spec.grouping(), groupSize, minDigits);
    return pad(head, grouped + rest, spec.width() - fixed - grouped.length(), spec);
  }

  /**
   * CPython's {@code _PyUnicode_InsertThousandsGrouping}: separators every {@code size} digits from
   * the right, with leading zeros (grouped too) until at least {@code minWidth} characters.
   */
  private static String group(String digits, int separator, int size, int minWidth) {
    if (digits.isEmpty()) {
      return "";
    } else if (separator == 0) {
      return "0".repeat(Math.max(0, minWidth - digits.length())) + digits;
    }
    StringBuilder out = new StringBuilder();
    int remaining = digits.length();
    while (true) {
      int length = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
      int taken = Math.min(remaining, length);
      out.insert(0, digits.substring(remaining - taken, remaining))
          .insert(0, "0".repeat(length - taken));
      remaining -= taken;
      minWidth -= length;
      if (remaining <= 0 && minWidth <= 0) {
        return out.toString();
      }
      minWidth--;
      out.insert(0, (char) separator);
    }
  }

  /** {@code head + body} padded with {@code padding} fill characters as the spec aligns it. */
  private static String pad(String head, String body, int padding, FormatSpec spec) {
    int left =
        switch (spec.align()) {
          case '>' -> Math.max(padding, 0);
          case '^' -> Math.max(padding, 0) / 2;
          default -> 0;
        };
    int between = spec.align() == '=' ? Math.max(padding, 0) : 0;
    int right = Math.max(padding, 0) - left - between;
    String fill = Character.toString(spec.fill());
    return fill.repeat(left) + head + fill.repeat(between) + body + fill.repeat(right);
  }

  private static OperatorException unknownCode(int type, String typeName) {
    return new OperatorException(
        "Unknown format code "
            + FormatSpec.quoteCode(type)
            + " for object of type '"
            + typeName
            + "'");
  }

  /**
   * A non-negative decimal as {@code 0.digits × 10^point}, the form {@code _Py_dg_dtoa} returns
   * (zero is {@code "0"} with point 1).
   */
  private record Digits(String digits, int point) {
    static Digits of(BigDecimal value) {
      if (value.signum() == 0) {
        return new Digits("0", 1);
      }
      BigDecimal stripped = value.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      return new Digits(digits, digits.length() - stripped.scale());
    }

    /**
     * CPython's {@code format_float_short}: the digits zero-extended to {@code end} (an index into
     * them, at least the point), a decimal point kept at the end only when {@code alternate} and
     * added with a zero after it when {@code addDotZero}, or in exponent form.
     */
    String layout(int end, boolean exponent, boolean addDotZero, boolean alternate) {
      int point = exponent ? 1 : this.point;
      int last = Math.max(end, !exponent && addDotZero ? point + 1 : point);
      StringBuilder out = new StringBuilder();
      for (int i = Math.min(point - 1, 0); i < last; i++) {
        if (i == point) {
          out.append('.');
        }
        out.append(i >= 0 && i < digits.length() ? digits.charAt(i) : '0');
      }
      if (point == last && alternate) {
        out.append('.');
      }
      if (exponent) {
        int power = this.point - 1;
        out.append(power < 0 ? "e-" : "e+")
            .append(Math.abs(power) < 10 ? "0" : "")
            .append(Math.abs(power));
      }
      return out.toString();
    }
  }
}
