package org.voxbeam.api;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the {@code save} goals of a run may be written. The command line writes a goal to the file
 * its name gives; the HTTP server only inside its data roots.
 */
@FunctionalInterface
public interface SaveTargets {
  /** The goal's name as a path, wherever that is. */
  SaveTargets AS_NAMED =
      name -> {
        try {
          return Path.of(name);
        } catch (InvalidPathException e) {
          throw new InvalidInputException("'" + name + "' is not a file name");
        }
      };

  /**
   * The file the goal named {@code goalName} is written to.
   *
   * @throws InvalidInputException with the reason, if it may not be written
   */
  Path target(String goalName);
}
