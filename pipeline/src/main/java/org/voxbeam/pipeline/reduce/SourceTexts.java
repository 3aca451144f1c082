package org.voxbeam.pipeline.reduce;

import java.util.HashMap;
import java.util.Map;
import org.voxbeam.pipeline.lang.SourcePosition;

/**
 * The text of every source a reduction read (the program, its imports, namespace libraries), so
 * that an error found long after parsing can still quote the offending line.
 */
final class SourceTexts {
  private final Map<String, String[]> linesBySource = new HashMap<>();

  void add(String source, String text) {
    linesBySource.put(source, text.split("\r\n|\n|\r", -1));
  }

  /** The line holding {@code position}, or empty when the source or line is unknown. */
  String lineAt(SourcePosition position) {
    String[] lines = linesBySource.get(position.source());
    if (lines == null || position.line() < 1 || position.line() > lines.length) {
      return "";
    }
    return lines[position.line() - 1];
  }
}
