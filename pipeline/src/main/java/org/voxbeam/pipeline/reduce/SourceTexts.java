package org.voxbeam.pipeline.reduce;

import java.util.HashMap;
import java.util.Map;
import org.voxbeam.pipeline.lang.SourcePosition;

/**
 * The text of every source a reduction read (the program, its imports, namespace libraries), so
 * that an error found long after parsing can still quote the offending line. The line is found when
 * an error needs it, not split out beforehand: a program of millions of lines would otherwise hold
 * millions of strings for errors that mostly never happen.
 */
final class SourceTexts {
  private final Map<String, String> textBySource = new HashMap<>();

  void add(String source, String text) {
    textBySource.put(source, text);
  }

  /**
   * The line holding {@code position} ({@code \n}, {@code \r\n} and {@code \r} end lines), or empty
   * when the source or line is unknown.
   */
  String lineAt(SourcePosition position) {
    String text = textBySource.get(position.source());
    if (text == null || position.line() < 1) {
      return "";
    }
    int start = 0;
    for (int line = 1; line < position.line(); line++) {
      int end = lineEnd(text, start);
      if (end == text.length()) {
        return "";
      }
      start = end + (text.startsWith("\r\n", end) ? 2 : 1);
    }
    return text.substring(start, lineEnd(text, start));
  }

  private static int lineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }
}
