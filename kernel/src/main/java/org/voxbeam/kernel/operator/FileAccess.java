package org.voxbeam.kernel.operator;

import java.nio.file.Path;

/**
 * Which files operators may read or write. The command line lets programs use any file the user
 * can; a server confines them to its data roots, so a submitted program cannot read {@code
 * /etc/passwd} through an image loader.
 */
@FunctionalInterface
public interface FileAccess {

  /** Every path as given. */
  FileAccess UNRESTRICTED = path -> path;

  /**
   * The path to use for {@code requested}.
   *
   * @throws OperatorException if the path may not be used
   */
  Path check(Path requested);
}
