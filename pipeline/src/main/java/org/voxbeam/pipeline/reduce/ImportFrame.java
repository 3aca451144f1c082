package org.voxbeam.pipeline.reduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.pipeline.lang.SourcePosition;

/**
 * The file a command came from and how it was reached: relative imports resolve against {@code
 * directory}, cycles are found by walking {@code parent}, and errors list the chain.
 *
 * @param file the source file, empty for text that did not come from a file
 * @param directory where relative imports in this source are resolved
 * @param importedAt the {@code import} command that brought this source in, empty for the root
 * @param parent the importing source, empty for the root
 */
record ImportFrame(
    Optional<Path> file,
    Path directory,
    Optional<SourcePosition> importedAt,
    Optional<ImportFrame> parent) {

  static ImportFrame root(Optional<Path> file, Path directory) {
    return new ImportFrame(file, directory, Optional.empty(), Optional.empty());
  }

  ImportFrame child(Optional<Path> childFile, Path childDirectory, SourcePosition at) {
    return new ImportFrame(childFile, childDirectory, Optional.of(at), Optional.of(this));
  }

  /** Whether {@code candidate} is this file or one of the files importing it. */
  boolean isOnChain(Path candidate) {
    for (Optional<ImportFrame> frame = Optional.of(this);
        frame.isPresent();
        frame = frame.get().parent) {
      if (frame.get().file.map(candidate::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** How many imports led here: 0 for the root. */
  int depth() {
    int depth = 0;
    for (Optional<ImportFrame> frame = parent; frame.isPresent(); frame = frame.get().parent) {
      depth++;
    }
    return depth;
  }

  /** {@code imported from file:line:col} lines, innermost first. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Optional<ImportFrame> frame = Optional.of(this);
        frame.isPresent();
        frame = frame.get().parent) {
      frame.get().importedAt.ifPresent(at -> lines.add("imported from " + at));
    }
    return lines;
  }
}
