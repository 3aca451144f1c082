package org.voxbeam.pipeline.lang;

import java.util.Objects;

/**
 * Where a piece of syntax starts: source name, 1-based line and column. Printed as {@code
 * source:line:column}, the clickable form editors and terminals understand.
 */
public record SourcePosition(String source, int line, int column) {

  public SourcePosition {
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
