package org.voxbeam.operators.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.voxbeam.kernel.json.PythonStringOrder;
import org.voxbeam.kernel.operator.OperatorException;

/**
 * One {@code dir(root, pattern, recursive, full_paths)} request, as VoxLogicA-2's {@code
 * default.dir} runs it: the entries (files and directories) under {@code root} whose relative path
 * matches {@code pattern}, as paths relative to the root with {@code /} separators or, with {@code
 * fullPaths}, as absolute real paths; sorted by code point like Python's {@code sorted} of strings,
 * so the order never depends on the file system.
 *
 * @param root the directory to list, already checked by the file access policy
 */
record DirectoryListing(Path root, String pattern, boolean recursive, boolean fullPaths) {

  /**
   * Whether matches may lie below the root's own entries (a recursive listing, or a pattern of
   * several segments), so that what the listing depends on is the whole tree, not one directory.
   */
  public boolean belowRoot() {
    return GlobPattern.parse(pattern, recursive).maxDepth() > 1;
  }

  /** The matching entries, sorted. */
  public List<String> list() {
    if (!Files.exists(root)) {
      throw new OperatorException("dir root not found: " + root);
    }
    if (!Files.isDirectory(root)) {
      throw new OperatorException("dir root is not a directory: " + root);
    }
    GlobPattern glob = GlobPattern.parse(pattern, recursive);
    List<String> out = new ArrayList<>();
    try (Stream<Path> entries = Files.walk(root, glob.maxDepth())) {
      entries.forEach(
          entry -> {
            if (!entry.equals(root)) {
              Path relative = root.relativize(entry);
              if (glob.matches(names(relative))) {
                out.add(fullPaths ? real(entry) : slashSeparated(relative));
              }
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new OperatorException("dir failed to list " + root + ": " + e.getMessage());
    }
    out.sort(PythonStringOrder.INSTANCE);
    return out;
  }

  private static List<String> names(Path relative) {
    List<String> names = new ArrayList<>(relative.getNameCount());
    for (Path name : relative) {
      names.add(name.toString());
    }
    return names;
  }

  private static String slashSeparated(Path relative) {
    return String.join("/", names(relative));
  }

  private static String real(Path entry) {
    try {
      return entry.toRealPath().toString();
    } catch (IOException e) {
      return entry.toAbsolutePath().normalize().toString();
    }
  }
}
