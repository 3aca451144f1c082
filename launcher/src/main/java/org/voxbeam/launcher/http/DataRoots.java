package org.voxbeam.launcher.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.OperatorException;

/**
 * The directories a server run may touch. A path is allowed only if, with {@code ..} resolved and
 * every symbolic link followed as far as the path exists, it lies inside one of them: a link inside
 * a root that points outside it does not open a way out.
 */
final class DataRoots {

  private final List<Path> roots;

  DataRoots(List<Path> configured) throws IOException {
    List<Path> real = new ArrayList<>();
    for (Path root : configured) {
      real.add(root.toRealPath());
    }
    this.roots = List.copyOf(real);
  }

  /** The resolved path if it is inside a root, otherwise empty. */
  Optional<Path> resolve(String requested) {
    Path path;
    try {
      path = Path.of(requested);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    for (Path root : roots) {
      // Judged by where the path really is, as contains() judges it: an absolute path through a
      // link to a root (the roots are held as real paths) is inside, a name inside a root that
      // links out is not.
      Path candidate = root.resolve(path).normalize();
      if (realPrefixInside(candidate, root)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code absolute} (an absolute path, as a run opened it) lies inside a root, following
   * links as {@link #resolve} does.
   */
  boolean contains(Path absolute) {
    // By where it really is: the run may have opened it through a link to a root (the roots are
    // held as real paths), which a comparison of names would refuse.
    return absolute.isAbsolute()
        && roots.stream().anyMatch(root -> realPrefixInside(absolute.normalize(), root));
  }

  /** Follows links on the longest existing prefix of {@code candidate}. */
  private static boolean realPrefixInside(Path candidate, Path root) {
    Path existing = candidate;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return false;
    }
    try {
      return existing.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  /** The first root: where relative names in submitted programs are resolved. */
  Optional<Path> primary() {
    return roots.stream().findFirst();
  }

  /** These roots as the file policy of operators: paths outside every root are refused. */
  FileAccess asFileAccess() {
    return requested ->
        resolve(requested.toString())
            .orElseThrow(
                () ->
                    new OperatorException(
                        "file " + requested + " is outside the server's data roots"));
  }
}
