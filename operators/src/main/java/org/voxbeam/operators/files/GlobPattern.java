package org.voxbeam.operators.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.OperatorException;

/**
 * A relative glob as Python's {@code pathlib} reads one: {@code /}-separated segments, each a shell
 * pattern over one name ({@code *}, {@code ?}, {@code [...]}), except a whole {@code **} segment,
 * which stands for zero or more directories. Matching is per segment, so {@code *} never crosses a
 * directory boundary, and names starting with a dot match like any other, as in {@code pathlib}
 * (unlike the shell).
 */
final class GlobPattern {
  private static final String ANY_DIRECTORIES = "**";

  private final List<String> segments;
  private final List<PathMatcher> matchers;

  private GlobPattern(List<String> segments) {
    this.segments = List.copyOf(segments);
    List<PathMatcher> built = new ArrayList<>(segments.size());
    for (String segment : segments) {
      built.add(segment.equals(ANY_DIRECTORIES) ? null : segmentMatcher(segment));
    }
    this.matchers = built;
  }

  /**
   * Parses {@code pattern}; with {@code recursive} it matches at any depth, as {@code Path.rglob}
   * does.
   *
   * @throws OperatorException for an empty or absolute pattern, which {@code pathlib} refuses too
   */
  static GlobPattern parse(String pattern, boolean recursive) {
    if (pattern.isEmpty()) {
      throw new OperatorException("dir pattern must not be empty");
    }
    if (pattern.startsWith("/")) {
      throw new OperatorException("dir pattern must be relative, got: " + pattern);
    }
    List<String> segments = new ArrayList<>();
    if (recursive) {
      segments.add(ANY_DIRECTORIES);
    }
    for (String segment : pattern.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      throw new OperatorException("dir pattern names no entries: " + pattern);
    }
    return new GlobPattern(segments);
  }

  /** How deep below the root a match can be; {@link Integer#MAX_VALUE} with {@code **}. */
  int maxDepth() {
    return segments.contains(ANY_DIRECTORIES) ? Integer.MAX_VALUE : segments.size();
  }

  /** Whether the path below the root, given by its names, matches. */
  boolean matches(List<String> names) {
    return matches(names, 0, 0);
  }

  private boolean matches(List<String> names, int name, int segment) {
    if (segment == segments.size()) {
      return name == names.size();
    }
    if (matchers.get(segment) == null) {
      for (int skip = name; skip <= names.size(); skip++) {
        if (matches(names, skip, segment + 1)) {
          return true;
        }
      }
      return false;
    }
    return name < names.size()
        && matchers.get(segment).matches(Path.of(names.get(name)))
        && matches(names, name + 1, segment + 1);
  }

  private static PathMatcher segmentMatcher(String segment) {
    StringBuilder escaped = new StringBuilder(segment.length());
    for (char c : segment.toCharArray()) {
      if (c == '{' || c == '}' || c == '\\') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + escaped);
    } catch (IllegalArgumentException e) {
      throw new OperatorException("dir pattern segment is not a valid glob: " + segment);
    }
  }
}
