package org.voxbeam.pipeline.reduce;

import java.util.List;
import java.util.Objects;
import org.voxbeam.pipeline.lang.SourceExcerpt;
import org.voxbeam.pipeline.lang.SourcePosition;

/**
 * A program that parses but cannot be reduced to a plan (an unbound name, a wrong argument count,
 * an unknown namespace, a missing or cyclic import), or a syntax error in an imported file. The
 * message has the same shape as a syntax error, {@code file:line:column: error: ...}, the source
 * line and a caret, followed by the calls and imports that led there, so a user can fix it without
 * a stack trace.
 */
public final class ReduceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SourcePosition position;
  private final String problem;
  private final transient List<String> context;

  /**
   * @param position where the problem is
   * @param problem what is wrong, without the position
   * @param lineText the source line holding {@code position}, shown with a caret
   * @param context lines telling how the reducer got there (call chain, then import chain)
   */
  public ReduceException(
      SourcePosition position, String problem, String lineText, List<String> context) {
    super(format(position, problem, lineText, context));
    this.position = Objects.requireNonNull(position, "position");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.context = List.copyOf(context);
  }

  public SourcePosition position() {
    return position;
  }

  /** What is wrong, without position or source excerpt. */
  public String problem() {
    return problem;
  }

  /** The call and import chain, innermost first. */
  public List<String> context() {
    return context;
  }

  private static String format(
      SourcePosition position, String problem, String lineText, List<String> context) {
    StringBuilder message = new StringBuilder();
    message.append(position).append(": error: ").append(problem);
    if (!lineText.isEmpty()) {
      message.append('\n').append(SourceExcerpt.render(lineText, position.column()));
    }
    for (String line : context) {
      message.append("\n  ").append(line);
    }
    return message.toString();
  }
}
