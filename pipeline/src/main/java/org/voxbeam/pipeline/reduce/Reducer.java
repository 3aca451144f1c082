package org.voxbeam.pipeline.reduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.voxbeam.pipeline.lang.ImgqlParser;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.lang.Program;
import org.voxbeam.pipeline.plan.Plan;

/**
 * The ImgQL front end's entry point: source text in, the plan VoxLogicA-2 would build out, with
 * the same nodes and therefore the same ids, so results computed by either engine are found by
 * the other in a shared store.
 *
 * <p>Thread-safe: each call reduces with its own state.
 */
public final class Reducer {
  private final PrimitiveCatalog catalog;
  private final Path workingDirectory;
  private final DeclarationGoals declarationGoals;

  /**
   * @param catalog the primitives names resolve to
   * @param workingDirectory where relative file names are read from, and the {@code $cwd}
   */
  public Reducer(PrimitiveCatalog catalog, Path workingDirectory) {
    this(catalog, workingDirectory, DeclarationGoals.NONE);
  }

  private Reducer(
      PrimitiveCatalog catalog, Path workingDirectory, DeclarationGoals declarationGoals) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.declarationGoals = Objects.requireNonNull(declarationGoals, "declarationGoals");
  }

  /** This reducer, also making {@code goals} of the program's declarations. */
  public Reducer withDeclarationGoals(DeclarationGoals goals) {
    return new Reducer(catalog, workingDirectory, goals);
  }

  /** A reducer over VoxLogicA-2's primitives, relative to the process's working directory. */
  public static Reducer standard() {
    return new Reducer(PrimitiveCatalog.voxLogicA2(), Path.of(""));
  }

  /**
   * Reduces a program file. The name as given appears in error positions and decides the
   * {@code $}-variables; imports resolve relative to the file's directory.
   *
   * @throws IOException if the file cannot be read
   * @throws ImgqlSyntaxException if the program is not valid ImgQL
   * @throws ReduceException if the program cannot be reduced, or an import fails
   */
  public Plan reduceFile(Path file) throws IOException {
    Path absolute = workingDirectory.resolve(file).normalize();
    String text = Files.readString(absolute);
    String name = file.toString();
    ImportFrame root = ImportFrame.root(Optional.of(ProgramReduction.identity(absolute)), directoryOf(file));
    return reduce(text, name, root);
  }

  /**
   * Reduces program text that did not come from a file; imports resolve against the working
   * directory.
   *
   * @param sourceName the name used in positions and for the {@code $}-variables
   */
  public Plan reduceText(String text, String sourceName) {
    return reduce(text, sourceName, ImportFrame.root(Optional.empty(), Path.of("")));
  }

  private Plan reduce(String text, String sourceName, ImportFrame root) {
    Program program = ImgqlParser.parseProgram(text, sourceName);
    ProgramReduction reduction =
        new ProgramReduction(catalog, workingDirectory, root, sourceName, text, declarationGoals);
    return reduction.run(program);
  }

  static Path directoryOf(Path file) {
    Path parent = file.getParent();
    return parent == null ? Path.of("") : parent;
  }
}
