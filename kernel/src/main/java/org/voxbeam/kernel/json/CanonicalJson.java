package org.voxbeam.kernel.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json} module writes it, in the two forms VoxBeam needs:
 * {@link #write canonical} ({@code json.dumps(value, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=True)}), which VoxLogicA-2 hashes to name nodes, and {@link #writeIndented indented}
 * ({@code json.dumps(value, indent=2)}), the layout of VoxLogicA-2's exported plans.
 *
 * <p>Non-ASCII characters are escaped as lowercase {@code \\uXXXX} UTF-16 units, floats use {@link
 * PythonFloats#repr}, non-finite floats Python's {@code NaN}/{@code Infinity} tokens, and canonical
 * keys are sorted by code point (Python's string order).
 */
public final class CanonicalJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** The canonical form: sorted keys, no whitespace. */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder(128);
    append(out, value, true, -1, 0);
    return out.toString();
  }

  /** The indented form, keys in their given order, two spaces per level. */
  public static String writeIndented(JsonValue value) {
    StringBuilder out = new StringBuilder(1024);
    append(out, value, false, 2, 0);
    return out.toString();
  }

  private static void append(
      StringBuilder out, JsonValue value, boolean sortKeys, int indent, int depth) {
    if (value instanceof JsonNull) {
      out.append("null");
    } else if (value instanceof JsonBoolean b) {
      out.append(b.value() ? "true" : "false");
    } else if (value instanceof JsonInteger i) {
      out.append(i.value());
    } else if (value instanceof JsonFloat f) {
      appendFloat(out, f.value());
    } else if (value instanceof JsonString s) {
      appendString(out, s.value());
    } else if (value instanceof JsonArray a) {
      appendArray(out, a, sortKeys, indent, depth);
    } else {
      appendObject(out, (JsonObject) value, sortKeys, indent, depth);
    }
  }

  private static void appendFloat(StringBuilder out, double value) {
    if (Double.isNaN(value)) {
      out.append("NaN");
    } else if (Double.isInfinite(value)) {
      out.append(value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(PythonFloats.repr(value));
    }
  }

  private static void appendArray(
      StringBuilder out, JsonArray array, boolean sortKeys, int indent, int depth) {
    List<JsonValue> items = array.items();
    if (items.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      separate(out, i, indent, depth + 1);
      append(out, items.get(i), sortKeys, indent, depth + 1);
    }
    close(out, indent, depth);
    out.append(']');
  }

  private static void appendObject(
      StringBuilder out, JsonObject object, boolean sortKeys, int indent, int depth) {
    List<Map.Entry<String, JsonValue>> entries = new ArrayList<>(object.members().entrySet());
    if (entries.isEmpty()) {
      out.append("{}");
      return;
    }
    if (sortKeys) {
      entries.sort((a, b) -> PythonStringOrder.INSTANCE.compare(a.getKey(), b.getKey()));
    }
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      separate(out, i, indent, depth + 1);
      appendString(out, entries.get(i).getKey());
      out.append(indent < 0 ? ":" : ": ");
      append(out, entries.get(i).getValue(), sortKeys, indent, depth + 1);
    }
    close(out, indent, depth);
    out.append('}');
  }

  private static void separate(StringBuilder out, int index, int indent, int depth) {
    if (index > 0) {
      out.append(',');
    }
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private static void close(StringBuilder out, int indent, int depth) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  static void appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          }
        }
      }
    }
    out.append('"');
  }
}
