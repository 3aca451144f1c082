package org.voxbeam.pipeline.lang;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits ImgQL source into tokens on demand, trying VoxLogicA-2's terminals in the order its lexer
 * does: program variables, signed numbers, operators, names, strings. The order matters: {@code -3}
 * is one number, {@code - 3} an operator and a number, {@code B+} an operator and {@code MY_VAR}
 * the operator {@code MY_} followed by the name {@code VAR}, exactly as there.
 */
final class ImgqlLexer {

  private static final String SYMBOLS = "#;:_'.|!$%&/^=*\\-+<>?@~\\\\";
  private static final String SYMBOL_SET = "#;:_'.|!$%&/^=*-+<>?@~\\";

  private static final Pattern DOLLAR_NAME = Pattern.compile("\\$[a-z][a-z0-9_]*");
  private static final Pattern NUMBER =
      Pattern.compile(
          "[+-]?(?:[0-9]+[eE][+-]?[0-9]+|(?:[0-9]+\\.(?:[0-9]+)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[0-9]+)");
  private static final Pattern OPERATOR =
      Pattern.compile(
          "(?!/{2})(?:[" + SYMBOLS + "]+|[A-Z][A-Z0-9]*[" + SYMBOLS + "][A-Z0-9" + SYMBOLS + "]*)");
  private static final Pattern NAME =
      Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(?:\\.[a-zA-Z_][a-zA-Z0-9_]*)?");
  private static final List<String> FOLD_NAMES = List.of("max", "min");

  private final String text;
  private final String source;
  private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
  private Matcher matcher;
  private int lineCursor;
  private int consumed;
  private final int[] lineStarts;
  private int position;
  private Token lookahead;
  private Token previous = new Token(TokenType.END, "", 0, 1, 1);

  ImgqlLexer(String text, String source) {
    this.text = text;
    this.source = source;
    this.lineStarts = lineStarts(text);
  }

  /** The next token, without consuming it. */
  Token peek() {
    if (lookahead == null) {
      lookahead = lex();
    }
    return lookahead;
  }

  /**
   * The next token where only a name may stand (a parameter, a {@code let}, {@code for} or {@code
   * filter} variable), without consuming it. There VoxLogicA-2's contextual lexer does not consider
   * operators, so {@code _} and {@code _x} are names, not the operator {@code _}: {@code let _ =
   * WriteImage(img, path) in ...} binds {@code _}.
   */
  Token peekName() {
    if (lookahead == null || lookahead.is(TokenType.OPERATOR)) {
      lookahead = null;
      skipIgnored();
      if (position < text.length() && !matches(DOLLAR_NAME) && matches(NAME)) {
        lookahead = token(TokenType.NAME, matcher.group());
      }
    }
    return peek();
  }

  /** Consumes and returns the next token. */
  Token next() {
    Token token = peek();
    lookahead = null;
    position = token.offset() + token.text().length();
    previous = token;
    consumed++;
    return token;
  }

  /** How many tokens have been consumed so far. */
  int consumed() {
    return consumed;
  }

  /** The last token consumed, or an end token before the first. */
  Token previous() {
    return previous;
  }

  /**
   * Consumes the operator after {@code fold}. There VoxLogicA-2 accepts only an operator or the
   * words {@code max} and {@code min}, matched as a prefix of whatever follows.
   */
  Token nextFoldOperator() {
    lookahead = null;
    skipIgnored();
    for (String word : FOLD_NAMES) {
      if (text.startsWith(word, position)) {
        Token token = token(TokenType.NAME, word);
        position += word.length();
        previous = token;
        consumed++;
        return token;
      }
    }
    Token token = next();
    if (!token.is(TokenType.OPERATOR) && !token.is(TokenType.EQUAL) && !token.is(TokenType.COLON)) {
      throw error(
          token,
          "unexpected "
              + token.describe()
              + "; expected a fold operator (an operator, max or min)");
    }
    return new Token(
        TokenType.OPERATOR, token.text(), token.offset(), token.line(), token.column());
  }

  /** A syntax error located at {@code token}. */
  ImgqlSyntaxException error(Token token, String problem) {
    return new ImgqlSyntaxException(
        new SourcePosition(source, token.line(), token.column()),
        problem,
        lineText(token.offset()));
  }

  /** A syntax error located at {@code position}, a position in this text. */
  ImgqlSyntaxException error(SourcePosition position, String problem) {
    int line = Math.min(Math.max(position.line(), 1), lineStarts.length);
    return new ImgqlSyntaxException(position, problem, lineText(lineStarts[line - 1]));
  }

  SourcePosition positionOf(Token token) {
    return new SourcePosition(source, token.line(), token.column());
  }

  private Token lex() {
    skipIgnored();
    if (position >= text.length()) {
      return token(TokenType.END, "");
    }
    char first = text.charAt(position);
    if (first == '$' && matches(DOLLAR_NAME)) {
      return token(TokenType.DOLLAR_NAME, matcher.group());
    }
    if (mayStartNumber(first) && matches(NUMBER)) {
      return token(TokenType.NUMBER, matcher.group());
    }
    if (mayStartOperator(first) && matches(OPERATOR)) {
      String operator = matcher.group();
      TokenType type =
          switch (operator) {
            case "=" -> TokenType.EQUAL;
            case ":" -> TokenType.COLON;
            default -> TokenType.OPERATOR;
          };
      return token(type, operator);
    }
    if (mayStartName(first) && matches(NAME)) {
      return token(TokenType.NAME, matcher.group());
    }
    int stringEnd = stringEnd();
    if (stringEnd > 0) {
      return token(TokenType.STRING, text.substring(position, stringEnd));
    }
    char c = text.charAt(position);
    TokenType punctuation =
        switch (c) {
          case '(' -> TokenType.LEFT_PAREN;
          case ')' -> TokenType.RIGHT_PAREN;
          case '[' -> TokenType.LEFT_BRACKET;
          case ']' -> TokenType.RIGHT_BRACKET;
          case ',' -> TokenType.COMMA;
          default -> null;
        };
    if (punctuation != null) {
      return token(punctuation, String.valueOf(c));
    }
    Token bad = token(TokenType.END, String.valueOf(c));
    String what = c == '"' ? "unterminated string" : "unexpected character '" + c + "'";
    throw error(bad, what);
  }

  // Which terminals can start with a character: the others are not tried, which keeps their
  // order (and so the lexing) exactly as above while sparing most matcher resets.

  private static boolean mayStartNumber(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
  }

  private static boolean mayStartOperator(char c) {
    return (c >= 'A' && c <= 'Z') || SYMBOL_SET.indexOf(c) >= 0;
  }

  private static boolean mayStartName(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /**
   * Skips whitespace ({@code [ \t\f\r\n]}) and {@code //} comments, character by character. A
   * single regular expression for "any number of either" recurses once per repetition in {@code
   * java.util.regex}, and overflowed the stack on a few hundred comment lines.
   */
  private void skipIgnored() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n') {
        position++;
      } else if (c == '/' && text.startsWith("//", position)) {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end;
      } else {
        return;
      }
    }
  }

  /**
   * Where the string literal at {@code position} ends (after its closing quote), or -1 if there is
   * none. Lark's {@code ESCAPED_STRING}: the first quote on the same line that follows an even
   * number of backslashes closes it. Scanned by hand because the regular expression form recurses
   * once per escaped backslash and so overflows on a long enough literal.
   */
  private int stringEnd() {
    if (text.charAt(position) != '"') {
      return -1;
    }
    int backslashes = 0;
    for (int i = position + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return -1;
      }
      if (c == '"' && backslashes % 2 == 0) {
        return i + 1;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return -1;
  }

  private boolean matches(Pattern pattern) {
    matcher = matchers.computeIfAbsent(pattern, p -> p.matcher(text));
    matcher.region(position, text.length());
    return matcher.lookingAt();
  }

  private Token token(TokenType type, String lexeme) {
    int line = lineIndex(position);
    return new Token(type, lexeme, position, line + 1, position - lineStarts[line] + 1);
  }

  /**
   * The 0-based line holding {@code offset}. Tokens come in order, so a cursor moving forward finds
   * it in constant time; an earlier offset (an error quoting a line) searches.
   */
  private int lineIndex(int offset) {
    if (offset >= lineStarts[lineCursor]) {
      while (lineCursor + 1 < lineStarts.length && lineStarts[lineCursor + 1] <= offset) {
        lineCursor++;
      }
      return lineCursor;
    }
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index : -index - 2;
  }

  private String lineText(int offset) {
    int start = lineStarts[lineIndex(offset)];
    int end = text.indexOf('\n', start);
    String line = end < 0 ? text.substring(start) : text.substring(start, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * The offset of each line's first character, found with {@code String.indexOf}: a per-character
   * stream took seconds on a 50 MB program before the reducer could refuse it.
   */
  private static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int count = 1;
    for (int newline = text.indexOf('\n');
        newline >= 0;
        newline = text.indexOf('\n', newline + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = newline + 1;
    }
    return Arrays.copyOf(starts, count);
  }
}
