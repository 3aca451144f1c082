package org.voxbeam.pipeline.lang;

import java.util.Objects;

/**
 * A program that is not valid ImgQL. The message is what a user needs to fix it: the clickable
 * {@code file:line:column}, what was found and what was expected, then the source line with a caret
 * under the offending column.
 */
public final class ImgqlSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient SourcePosition position;
  private final String problem;
  private final String lineText;

  /**
   * @param position where the problem is
   * @param problem what is wrong, without the position
   * @param lineText the source line holding {@code position}, shown with a caret
   */
  public ImgqlSyntaxException(SourcePosition position, String problem, String lineText) {
    super(format(position, problem, lineText));
    this.position = Objects.requireNonNull(position, "position");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.lineText = Objects.requireNonNull(lineText, "lineText");
  }

  public SourcePosition position() {
    return position;
  }

  /** What is wrong, without position or source excerpt. */
  public String problem() {
    return problem;
  }

  /** The offending source line. */
  public String lineText() {
    return lineText;
  }

  private static String format(SourcePosition position, String problem, String lineText) {
    return position
        + ": error: "
        + problem
        + "\n"
        + SourceExcerpt.render(lineText, position.column());
  }
}
