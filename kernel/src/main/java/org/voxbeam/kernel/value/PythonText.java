package org.voxbeam.kernel.value;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.voxbeam.kernel.json.PythonFloats;

/**
 * Values printed as Python prints the same values, since VoxLogicA-2 programs observe that text:
 * {@code strings.concat} joins {@code str()} of its arguments and goals are shown that way.
 */
public final class PythonText {
  private PythonText() {}

  /** Python's {@code str(value)}. */
  public static String str(Value value) {
    if (value instanceof StringValue s) {
      return s.value();
    }
    return repr(value);
  }

  /** Python's {@code repr(value)}, with a readable summary for binary and runtime-only values. */
  public static String repr(Value value) {
    if (value instanceof NullValue) {
      return "None";
    } else if (value instanceof BooleanValue b) {
      return b.value() ? "True" : "False";
    } else if (value instanceof IntegerValue i) {
      return Long.toString(i.value());
    } else if (value instanceof NumberValue n) {
      return PythonFloats.repr(n.value());
    } else if (value instanceof StringValue s) {
      return quote(s.value());
    } else if (value instanceof SequenceValue s) {
      return join("[", s.items(), "]");
    } else if (value instanceof MappingValue m) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      for (Map.Entry<String, Value> entry : m.entries().entrySet()) {
        out.add(quote(entry.getKey()) + ": " + repr(entry.getValue()));
      }
      return out.toString();
    } else if (value instanceof BytesValue b) {
      return "<bytes " + b.data().size() + ">";
    } else if (value instanceof NdArrayValue a) {
      return "<ndarray " + a.dtype().numpyName() + " " + a.shape() + ">";
    } else if (value instanceof ImageValue i) {
      return "<" + i.voxType() + " " + i.dtype().numpyName() + " " + i.geometry().size() + ">";
    } else if (value instanceof DatasetValue d) {
      return "<dataset " + d.size() + " items>";
    } else if (value instanceof ErrorValue e) {
      return "<error: " + e.describe() + ">";
    }
    return "<closure>";
  }

  private static String join(String open, List<Value> items, String close) {
    StringBuilder out = new StringBuilder(open);
    Iterator<Value> it = items.iterator();
    while (it.hasNext()) {
      out.append(repr(it.next()));
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.append(close).toString();
  }

  /** Python's string repr: single quotes unless the text holds one and no double quote. */
  static String quote(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < ' ' || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }
}
