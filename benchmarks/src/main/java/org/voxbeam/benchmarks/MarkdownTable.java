package org.voxbeam.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table, the form docs/performance.md keeps results in, so that a benchmark's output can
 * be pasted there unchanged. The first column is left-aligned, the others (numbers) right.
 */
public final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  public MarkdownTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    out.append('|');
    for (int i = 0; i < header.size(); i++) {
      out.append(i == 0 ? "---|" : "---:|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      line(out, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell).append(" |");
    }
    out.append('\n');
  }
}
