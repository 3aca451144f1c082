package org.voxbeam.pipeline.lang;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for ImgQL, equivalent to VoxLogicA-2's LALR grammar on every program
 * that grammar accepts: all infix operators share one precedence level and associate to the left,
 * prefix operators bind tighter, postfix indexing and slicing tighter still, and where the LALR
 * parser prefers to shift (an operator followed by {@code (} is a call; {@code fold op a b} takes
 * {@code b} as the sequence) this parser is greedy in the same way.
 *
 * <p>Keywords are contextual, as there: {@code let}, {@code for}, {@code filter} and {@code fold}
 * open an expression only where a whole expression may start, {@code in} and {@code do} end one,
 * and {@code print}, {@code save}, {@code import} open a command.
 */
public final class ImgqlParser {

  private static final int MAX_DEPTH = 512;
  private static final Set<String> EXPRESSION_ENDERS =
      Set.of("in", "do", "print", "save", "import");

  private final ImgqlLexer lexer;
  private int depth;
  private int commandStart;

  private ImgqlParser(String text, String source) {
    this.lexer = new ImgqlLexer(text, source);
  }

  /**
   * Parses a whole program.
   *
   * @param text the program text
   * @param source the name used in positions and messages, usually the file name
   * @throws ImgqlSyntaxException if the text is not a valid program
   */
  public static Program parseProgram(String text, String source) {
    List<Command> commands = new ArrayList<>();
    commands(text, source).forEachRemaining(commands::add);
    return new Program(source, commands);
  }

  /**
   * The commands of a program, parsed one at a time as they are asked for, so that a consumer
   * working through a very long program holds only the command at hand, and stops reading where it
   * stops.
   *
   * @throws ImgqlSyntaxException from {@code hasNext} or {@code next}, at the first invalid command
   */
  public static Iterator<Command> commands(String text, String source) {
    ImgqlParser parser = new ImgqlParser(text, source);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !parser.lexer.peek().is(TokenType.END);
      }

      @Override
      public Command next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Command command = parser.command();
        parser.requireCommandBoundary();
        return command;
      }
    };
  }

  /**
   * Parses text that must be exactly one expression, such as a closure body in a plan.
   *
   * @throws ImgqlSyntaxException if the text is not a single valid expression
   */
  public static Expression parseExpression(String text, String source) {
    ImgqlParser parser = new ImgqlParser(text, source);
    Expression expression = parser.bounded(parser.expression(), new SourcePosition(source, 1, 1));
    parser.expect(TokenType.END, "end of the expression");
    return expression;
  }

  private Command command() {
    commandStart = lexer.consumed();
    Token first = lexer.peek();
    SourcePosition position = lexer.positionOf(first);
    if (first.isName("let")) {
      lexer.next();
      return declaration(position, variableName());
    }
    if (first.isName("print") || first.isName("save")) {
      lexer.next();
      String argument = stringContent(expect(TokenType.STRING, "a string"));
      Expression expression = bounded(expression(), position);
      return first.isName("print")
          ? new Command.Print(position, argument, expression)
          : new Command.Save(position, argument, expression);
    }
    if (first.isName("import")) {
      lexer.next();
      return new Command.Import(position, stringContent(expect(TokenType.STRING, "a string")));
    }
    if (first.is(TokenType.NAME)
        || first.is(TokenType.DOLLAR_NAME)
        || first.is(TokenType.OPERATOR)) {
      return declaration(position, variableName());
    }
    throw unexpected(first, "a command (a declaration, print, save or import)");
  }

  /**
   * Fails unless what follows a command can begin the next one (or ends the program), so that a
   * command is handed to the reducer only once the parser has seen it end — as VoxLogicA-2's
   * parser, which reads the whole program first, would refuse {@code x = f 11} at {@code 11}.
   */
  private void requireCommandBoundary() {
    Token next = lexer.peek();
    if (!next.is(TokenType.END)
        && !next.is(TokenType.NAME)
        && !next.is(TokenType.DOLLAR_NAME)
        && !next.is(TokenType.OPERATOR)) {
      throw unexpected(next, "a command (a declaration, print, save or import)");
    }
  }

  private String variableName() {
    Token name = lexer.peek();
    if (name.is(TokenType.NAME) || name.is(TokenType.DOLLAR_NAME) || name.is(TokenType.OPERATOR)) {
      return lexer.next().text();
    }
    throw unexpected(name, "a name or an operator to declare");
  }

  private Command.Declaration declaration(SourcePosition position, String name) {
    List<String> parameters = new ArrayList<>();
    if (lexer.peek().is(TokenType.LEFT_PAREN)) {
      lexer.next();
      parameters.add(identifier());
      while (lexer.peek().is(TokenType.COMMA)) {
        lexer.next();
        parameters.add(identifier());
      }
      expect(TokenType.RIGHT_PAREN, "',' or ')'");
    }
    expect(TokenType.EQUAL, parameters.isEmpty() ? "'(' or '='" : "'='");
    return new Command.Declaration(position, name, parameters, bounded(expression(), position));
  }

  /**
   * {@code expression}, if its tree is at most {@link #MAX_DEPTH} deep. Operator chains are parsed
   * in a loop, so only the finished tree tells how deep they nest.
   */
  private Expression bounded(Expression expression, SourcePosition command) {
    if (lexer.consumed() - commandStart <= MAX_DEPTH) {
      return expression; // every node of a tree consumes a token of its own
    }
    SyntaxDepth.beyond(expression, MAX_DEPTH, command)
        .ifPresent(
            at -> {
              throw lexer.error(
                  at,
                  "expression nested more than "
                      + MAX_DEPTH
                      + " levels deep (operator chains count one level per operator)");
            });
    return expression;
  }

  private String identifier() {
    Token token = lexer.peekName();
    if (token.is(TokenType.NAME) || token.is(TokenType.DOLLAR_NAME)) {
      return lexer.next().text();
    }
    throw unexpected(token, "a name");
  }

  private Expression expression() {
    enter();
    try {
      Token first = lexer.peek();
      if (first.isName("let")) {
        return let();
      }
      if (first.isName("for") || first.isName("filter")) {
        return loop();
      }
      if (first.isName("fold")) {
        return fold();
      }
      return infix();
    } finally {
      depth--;
    }
  }

  private Expression let() {
    SourcePosition position = lexer.positionOf(lexer.next());
    String variable = identifier();
    expect(TokenType.EQUAL, "'='");
    Expression value = expression();
    expectWord("in");
    return new LetExpression(position, variable, value, expression());
  }

  private Expression loop() {
    Token keyword = lexer.next();
    SourcePosition position = lexer.positionOf(keyword);
    String variable = identifier();
    expectWord("in");
    Expression iterable = expression();
    expectWord("do");
    Expression body = expression();
    return keyword.isName("for")
        ? new ForExpression(position, variable, iterable, body)
        : new FilterExpression(position, variable, iterable, body);
  }

  private Expression fold() {
    SourcePosition position = lexer.positionOf(lexer.next());
    String operator = lexer.nextFoldOperator().text();
    Expression first = expression();
    if (startsExpression(lexer.peek())) {
      return new FoldExpression(position, operator, Optional.of(first), expression());
    }
    return new FoldExpression(position, operator, Optional.empty(), first);
  }

  private static boolean startsExpression(Token token) {
    return switch (token.type()) {
      case NUMBER, STRING, DOLLAR_NAME, OPERATOR, LEFT_PAREN, LEFT_BRACKET -> true;
      case NAME -> !EXPRESSION_ENDERS.contains(token.text());
      default -> false;
    };
  }

  private Expression infix() {
    SourcePosition position = lexer.positionOf(lexer.peek());
    Expression left = prefix();
    while (continuesInfix(lexer.peek())) {
      String operator = lexer.next().text();
      left = new Call(position, operator, List.of(left, prefix()));
    }
    return left;
  }

  /**
   * Whether the token is an infix operator here. VoxLogicA-2's lexer reads {@code =} as the
   * declaration sign only where its parser could accept one, which after an operand means right
   * after a bare name; after anything else ({@code f(a) = b}) it is an ordinary operator.
   */
  private boolean continuesInfix(Token token) {
    return token.is(TokenType.OPERATOR)
        || (token.is(TokenType.EQUAL)
            && !lexer.previous().is(TokenType.NAME)
            && !lexer.previous().is(TokenType.DOLLAR_NAME));
  }

  private Expression prefix() {
    enter();
    try {
      Token first = lexer.peek();
      if (!first.is(TokenType.OPERATOR)
          && !first.is(TokenType.EQUAL)
          && !first.is(TokenType.COLON)) {
        return postfix(primary());
      }
      SourcePosition position = lexer.positionOf(lexer.next());
      if (lexer.peek().is(TokenType.LEFT_PAREN)) {
        return postfix(new Call(position, first.text(), arguments()));
      }
      return new Call(position, first.text(), List.of(prefix()));
    } finally {
      depth--;
    }
  }

  private Expression postfix(Expression primary) {
    Expression current = primary;
    SourcePosition position = null;
    while (lexer.peek().is(TokenType.LEFT_BRACKET)) {
      Token bracket = lexer.next();
      if (position == null) {
        position = lexer.positionOf(bracket);
      }
      current = access(current, position);
    }
    return current;
  }

  private Expression access(Expression sequence, SourcePosition position) {
    if (lexer.peek().is(TokenType.COLON)) {
      lexer.next();
      return sliceStop(sequence, Optional.empty());
    }
    Expression first = expression();
    if (lexer.peek().is(TokenType.COLON)) {
      lexer.next();
      return sliceStop(sequence, Optional.of(first));
    }
    expect(TokenType.RIGHT_BRACKET, "':' or ']'");
    return new Call(position, "index", List.of(sequence, first));
  }

  private Expression sliceStop(Expression sequence, Optional<Expression> start) {
    if (lexer.peek().is(TokenType.RIGHT_BRACKET)) {
      lexer.next();
      return new SliceExpression(sequence, start, Optional.empty());
    }
    Expression stop = expression();
    expect(TokenType.RIGHT_BRACKET, "']'");
    return new SliceExpression(sequence, start, Optional.of(stop));
  }

  private Expression primary() {
    Token token = lexer.peek();
    switch (token.type()) {
      case NUMBER -> {
        lexer.next();
        return new NumberLiteral(Double.parseDouble(token.text()));
      }
      case STRING -> {
        lexer.next();
        return new StringLiteral(stringContent(token));
      }
      case LEFT_BRACKET -> {
        return array();
      }
      case LEFT_PAREN -> {
        lexer.next();
        Expression inner = expression();
        expect(TokenType.RIGHT_PAREN, "')'");
        return inner;
      }
      case NAME -> {
        if (token.isName("true") || token.isName("false")) {
          lexer.next();
          return new BooleanLiteral(token.isName("true"));
        }
        return reference();
      }
      case DOLLAR_NAME -> {
        return reference();
      }
      default -> throw unexpected(token, "an expression");
    }
  }

  private Expression reference() {
    Token name = lexer.next();
    SourcePosition position = lexer.positionOf(name);
    List<Expression> arguments = lexer.peek().is(TokenType.LEFT_PAREN) ? arguments() : List.of();
    return new Call(position, name.text(), arguments);
  }

  private List<Expression> arguments() {
    expect(TokenType.LEFT_PAREN, "'('");
    List<Expression> arguments = new ArrayList<>();
    arguments.add(expression());
    while (lexer.peek().is(TokenType.COMMA)) {
      lexer.next();
      arguments.add(expression());
    }
    expect(TokenType.RIGHT_PAREN, "',' or ')'");
    return arguments;
  }

  private Expression array() {
    lexer.next();
    List<Expression> items = new ArrayList<>();
    if (!lexer.peek().is(TokenType.RIGHT_BRACKET)) {
      items.add(expression());
      while (lexer.peek().is(TokenType.COMMA)) {
        lexer.next();
        items.add(expression());
      }
    }
    expect(TokenType.RIGHT_BRACKET, "',' or ']'");
    return new ArrayLiteral(items);
  }

  private Token expect(TokenType type, String expected) {
    Token token = lexer.peek();
    if (!token.is(type)) {
      throw unexpected(token, expected);
    }
    return lexer.next();
  }

  private void expectWord(String word) {
    Token token = lexer.peek();
    if (!token.isName(word)) {
      throw unexpected(token, "'" + word + "'");
    }
    lexer.next();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw unexpected(
          lexer.peek(), "an expression nested less than " + MAX_DEPTH + " levels deep");
    }
  }

  private ImgqlSyntaxException unexpected(Token token, String expected) {
    return lexer.error(token, "unexpected " + token.describe() + "; expected " + expected);
  }

  private static String stringContent(Token token) {
    return token.text().substring(1, token.text().length() - 1);
  }
}
