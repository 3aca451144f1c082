package org.voxbeam.pipeline.lang;

import java.util.List;
import java.util.Objects;

/** A top-level ImgQL statement. */
public sealed interface Command {

  /** Where the command starts. */
  SourcePosition position();

  /** {@code name = expr} or {@code name(p1, p2) = expr}, with or without {@code let}. */
  record Declaration(SourcePosition position, String name, List<String> parameters, Expression body)
      implements Command {
    public Declaration {
      Objects.requireNonNull(name, "name");
      parameters = List.copyOf(parameters);
    }
  }

  /** {@code print "label" expr}: a goal whose value is reported under the label. */
  record Print(SourcePosition position, String label, Expression expression) implements Command {}

  /** {@code save "path" expr}: a goal whose value is written to a file. */
  record Save(SourcePosition position, String path, Expression expression) implements Command {}

  /** {@code import "namespace"} or {@code import "file.imgql"}. */
  record Import(SourcePosition position, String target) implements Command {}
}
