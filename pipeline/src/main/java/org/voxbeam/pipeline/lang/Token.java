package org.voxbeam.pipeline.lang;

/** One lexeme with where it starts (character offset, 1-based line and column). */
record Token(TokenType type, String text, int offset, int line, int column) {

  boolean is(TokenType expected) {
    return type == expected;
  }

  boolean isName(String word) {
    return type == TokenType.NAME && text.equals(word);
  }

  /** How the token is shown in an error message. */
  String describe() {
    return type == TokenType.END ? "end of input" : "'" + text + "'";
  }
}
