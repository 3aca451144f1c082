package org.voxbeam.pipeline.lang;

import java.util.List;
import java.util.Objects;

/** A parsed ImgQL source file: its name and its commands in source order. */
public record Program(String source, List<Command> commands) {

  public Program {
    Objects.requireNonNull(source, "source");
    commands = List.copyOf(commands);
  }
}
