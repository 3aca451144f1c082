package org.voxbeam.kernel.json;

/** JSON text that does not parse, with where the problem is (1-based; 0 when unknown). */
public final class JsonSyntaxException extends RuntimeException {
  private final int line;
  private final int column;

  public JsonSyntaxException(String problem, int line, int column) {
    super(problem);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
