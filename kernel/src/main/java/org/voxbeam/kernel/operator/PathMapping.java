package org.voxbeam.kernel.operator;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * File access for a program written for another directory layout, run unchanged: a name under a
 * rewritten prefix is read from the prefix's replacement ({@code /home/lab/datasets} from {@code
 * /data/datasets}), and any other relative name resolves against a base directory instead of the
 * process's working directory. Node ids are not affected: they name the files as the program does.
 * Serializable, so Beam workers resolve names the way the driver does.
 *
 * @param base the directory relative names resolve against, or null for the working directory
 * @param rewrites prefixes and their replacements; the longest matching prefix wins
 */
public record PathMapping(String base, List<Rewrite> rewrites) implements FileAccess, Serializable {
  private static final long serialVersionUID = 1L;

  /** Names under {@code from} are read from under {@code to}. */
  public record Rewrite(String from, String to) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Rewrite {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.isBlank() || to.isBlank()) {
        throw new IllegalArgumentException("a path rewrite needs both a prefix and a replacement");
      }
    }

    /** {@code FROM=TO}, as the command line writes it. */
    public static Rewrite parse(String text) {
      int equals = text.indexOf('=');
      if (equals <= 0 || equals == text.length() - 1) {
        throw new IllegalArgumentException("a path rewrite is FROM=TO, got '" + text + "'");
      }
      return new Rewrite(text.substring(0, equals), text.substring(equals + 1));
    }
  }

  public PathMapping {
    List<Rewrite> sorted = new ArrayList<>(rewrites);
    sorted.sort(
        Comparator.comparingInt((Rewrite r) -> Path.of(r.from()).normalize().getNameCount())
            .reversed());
    rewrites = List.copyOf(sorted);
  }

  /** Relative names resolve against {@code base}; nothing is rewritten. */
  public static PathMapping relativeTo(Path base) {
    return new PathMapping(base.toAbsolutePath().normalize().toString(), List.of());
  }

  /** This mapping, also reading names under {@code from} from under {@code to}. */
  public PathMapping rewriting(String from, Path to) {
    List<Rewrite> more = new ArrayList<>(rewrites);
    more.add(new Rewrite(from, to.toAbsolutePath().normalize().toString()));
    return new PathMapping(base, more);
  }

  @Override
  public Path check(Path requested) {
    Path name = requested.normalize();
    for (Rewrite rewrite : rewrites) {
      Path from = Path.of(rewrite.from()).normalize();
      if (name.startsWith(from)) {
        return Path.of(rewrite.to()).resolve(from.relativize(name)).normalize();
      }
    }
    if (base != null && !name.isAbsolute()) {
      return Path.of(base).resolve(name).normalize();
    }
    return requested;
  }
}
