package org.voxbeam.pipeline.lang;

/**
 * The source line under an error message, with a caret under the offending column. A long line
 * (generated programs put whole datasets on one line) is cut to a window around the column, so a
 * message stays readable and never echoes megabytes of source.
 */
public final class SourceExcerpt {
  /** Lines up to this length are shown whole. */
  static final int MAX_WIDTH = 120;

  private static final int BEFORE = 60;
  private static final String ELLIPSIS = "…";

  private SourceExcerpt() {}

  /** Two lines: the (possibly cut) source line and a caret under {@code column} (1-based). */
  public static String render(String lineText, int column) {
    int index = Math.max(column - 1, 0);
    if (lineText.length() <= MAX_WIDTH) {
      return lineText + "\n" + " ".repeat(index) + "^";
    }
    int start = Math.max(0, Math.min(index - BEFORE, lineText.length() - MAX_WIDTH));
    int end = Math.min(lineText.length(), start + MAX_WIDTH);
    String prefix = start > 0 ? ELLIPSIS : "";
    String suffix = end < lineText.length() ? ELLIPSIS : "";
    int caret = prefix.length() + Math.min(index, lineText.length()) - start;
    return prefix + lineText.substring(start, end) + suffix + "\n" + " ".repeat(caret) + "^";
  }
}
