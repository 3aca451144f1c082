package org.voxbeam.pipeline.lang;

import java.util.Objects;

/**
 * A string literal. The text between the quotes is kept verbatim, backslash escapes included:
 * VoxLogicA-2 does not unescape them, and its node ids depend on the raw text.
 */
public record StringLiteral(String rawValue) implements Expression {

  public StringLiteral {
    Objects.requireNonNull(rawValue, "rawValue");
  }

  @Override
  public String toSyntax() {
    return '"' + rawValue + '"';
  }
}
