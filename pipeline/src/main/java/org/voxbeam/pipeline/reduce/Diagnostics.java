package org.voxbeam.pipeline.reduce;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.pipeline.lang.SourcePosition;

/**
 * Turns a problem found while reducing into a {@link ReduceException} that quotes the source line
 * and tells the calls and imports that led there. It tracks the command being reduced, so syntax
 * without a position of its own (an array literal) is reported at its command.
 */
final class Diagnostics {
  private final SourceTexts sources;
  private ImportFrame frame;
  private SourcePosition commandPosition;

  Diagnostics(SourceTexts sources, ImportFrame root, SourcePosition start) {
    this.sources = sources;
    this.frame = root;
    this.commandPosition = start;
  }

  void enter(ImportFrame commandFrame, SourcePosition position) {
    this.frame = commandFrame;
    this.commandPosition = position;
  }

  SourcePosition commandPosition() {
    return commandPosition;
  }

  ReduceException error(SourcePosition position, String problem, CallStack stack) {
    List<String> context = new ArrayList<>(stack.describe());
    context.addAll(frame.describe());
    return new ReduceException(position, problem, sources.lineAt(position), context);
  }

  ReduceException error(SourcePosition position, String problem) {
    return error(position, problem, CallStack.EMPTY);
  }
}
