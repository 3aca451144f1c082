package org.voxbeam.pipeline.lang;

/** The lexical categories of ImgQL. Keywords are names; the parser decides by context. */
enum TokenType {
  NAME("a name"),
  DOLLAR_NAME("a program variable"),
  NUMBER("a number"),
  STRING("a string"),
  OPERATOR("an operator"),
  EQUAL("'='"),
  COLON("':'"),
  COMMA("','"),
  LEFT_PAREN("'('"),
  RIGHT_PAREN("')'"),
  LEFT_BRACKET("'['"),
  RIGHT_BRACKET("']'"),
  END("end of input");

  private final String description;

  TokenType(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
