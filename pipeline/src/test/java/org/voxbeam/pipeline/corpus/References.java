package org.voxbeam.pipeline.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;

/**
 * Expected goal values computed outside VoxBeam: by ITK ({@code programs.json}, which the
 * itk-reference tool's gallery family writes beside its vectors in the transforms module) and by
 * NumPy ({@code numpy.json} here, from {@code tools/voxlogica2/corpus_numpy_values.py}). Both map a
 * corpus program and a goal key to {@code {"value": …}} or {@code {"image": …}}.
 */
public final class References {
  private static final String ITK =
      "operators/src/test/resources/org/voxbeam/operators/simpleitk/reference/"
          + "gallery/programs.json";
  private static final JsonObject ITK_PROGRAMS =
      programs(JsonReader.parse(read(repositoryFile(ITK))));
  private static final JsonObject NUMPY_PROGRAMS =
      programs(JsonReader.parse(Corpus.resource("numpy.json")));

  private References() {}

  /** ITK's expectation for a goal, if ITK computed it. */
  public static Optional<JsonObject> itk(String program, String goal) {
    return find(ITK_PROGRAMS, program, goal);
  }

  /** NumPy's expectation for a goal, if NumPy computed it. */
  public static Optional<JsonObject> numpy(String program, String goal) {
    return find(NUMPY_PROGRAMS, program, goal);
  }

  private static Optional<JsonObject> find(JsonObject programs, String program, String goal) {
    return programs
        .get(program)
        .flatMap(goals -> ((JsonObject) goals).get(goal))
        .map(JsonObject.class::cast);
  }

  private static JsonObject programs(Object document) {
    return (JsonObject) ((JsonObject) document).get("programs").orElseThrow();
  }

  /** A file of the repository, found from the module directory the tests run in. */
  private static Path repositoryFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find " + relative + " above the working directory");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
