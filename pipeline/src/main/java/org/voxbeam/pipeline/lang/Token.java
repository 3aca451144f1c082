package org.voxbeam.pipeline.lang;

/** One lexeme with where it starts (character offset, 1-based line and column). */
record Token(TokenType type, String text, int offset, int line, int column) {

  boolean is(TokenType expected) {
    return type == expected;
  }

  boolean isName(String word) {
    return type == TokenType.NAME && text.equals(word);
  }

  /** How the token is shown in an error message; a long one (a huge string) is cut. */
  String describe() {
    if (type == TokenType.END) {
      return "end of input";
    }
    return "'" + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "'";
  }
}
