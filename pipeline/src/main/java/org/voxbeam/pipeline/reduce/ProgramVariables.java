package org.voxbeam.pipeline.reduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in {@code $cwd}, {@code $dir}, {@code $file}, {@code $filename} and {@code $stem}
 * string variables, derived from the program's name exactly as VoxLogicA-2 derives them: a name
 * ending in {@code .imgql} that contains a path separator is resolved against the working
 * directory; any other name is taken as a bare label living in the working directory.
 */
record ProgramVariables(String cwd, String dir, String file, String stem) {
  private static final String UNNAMED = "<input>";

  public ProgramVariables {
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(stem, "stem");
  }

  /**
   * @param sourceName the program's name as the user gave it (a path or a label)
   * @param workingDirectory the directory relative paths are resolved against
   */
  public static ProgramVariables of(String sourceName, Path workingDirectory) {
    Path cwd = realPath(workingDirectory);
    String label = sourceName == null || sourceName.isBlank() ? UNNAMED : sourceName.strip();
    boolean looksLikePath =
        suffix(lastComponent(label)).equalsIgnoreCase(".imgql")
            && (Path.of(label).isAbsolute() || label.contains("/") || label.contains("\\"));
    if (looksLikePath) {
      Path resolved = realPath(cwd.resolve(label));
      String name = resolved.getFileName().toString();
      Path parent = resolved.getParent();
      return new ProgramVariables(
          cwd.toString(),
          parent == null ? resolved.toString() : parent.toString(),
          name,
          stem(name));
    }
    String labelStem = stem(lastComponent(label));
    String fallback =
        label.equals(UNNAMED) || label.equals("<repl>") || labelStem.isEmpty()
            ? "program"
            : labelStem;
    return new ProgramVariables(cwd.toString(), cwd.toString(), label, fallback);
  }

  /** The variables by name, in the order VoxLogicA-2 binds them. */
  public Map<String, String> bindings() {
    Map<String, String> bindings = new LinkedHashMap<>();
    bindings.put("$cwd", cwd);
    bindings.put("$dir", dir);
    bindings.put("$file", file);
    bindings.put("$filename", file);
    bindings.put("$stem", stem);
    return bindings;
  }

  /** Whether {@code name} is reserved for a program variable. */
  public static boolean isReserved(String name) {
    return name.equals("$cwd")
        || name.equals("$dir")
        || name.equals("$file")
        || name.equals("$filename")
        || name.equals("$stem");
  }

  private static Path realPath(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }

  private static String lastComponent(String label) {
    String trimmed = label;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static int suffixStart(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot < name.length() - 1 ? dot : -1;
  }

  private static String suffix(String name) {
    int dot = suffixStart(name);
    return dot < 0 ? "" : name.substring(dot);
  }

  private static String stem(String name) {
    int dot = suffixStart(name);
    return dot < 0 ? name : name.substring(0, dot);
  }
}
