package org.voxbeam.pipeline.reduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.voxbeam.pipeline.lang.ImgqlParser;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.lang.SourceDecoder;
import org.voxbeam.pipeline.lang.SourceEncodingException;
import org.voxbeam.pipeline.plan.Plan;

/**
 * The ImgQL front end's entry point: source text in, the plan VoxLogicA-2 would build out, with the
 * same nodes and therefore the same ids, so results computed by either engine are found by the
 * other in a shared store.
 *
 * <p>Reduction recurses as deeply as the program nests expressions and function calls (bounded by
 * explicit limits, each a located error). So that the limits, not the caller's thread, decide what
 * a program may do, every reduction runs on a thread of its own with a stack sized for the deepest
 * nesting the limits allow; the memory is reserved, and used only as deep as a program actually
 * nests.
 *
 * <p>Thread-safe: each call reduces with its own state.
 */
public final class Reducer {
  /** The plan size a reducer allows unless told otherwise. */
  public static final long DEFAULT_MAX_PLAN_NODES = 200_000;

  /**
   * The reducer thread's stack: about eight times what the deepest reduction the limits allow was
   * measured to take (48–64 MB for 50,000 levels, compiled).
   */
  private static final long STACK_BYTES = 512L << 20;

  private final PrimitiveCatalog catalog;
  private final Path workingDirectory;
  private final long maxPlanNodes;
  private final DeclarationGoals declarationGoals;

  /**
   * @param catalog the primitives names resolve to
   * @param workingDirectory where relative file names are read from, and the {@code $cwd}
   */
  public Reducer(PrimitiveCatalog catalog, Path workingDirectory) {
    this(catalog, workingDirectory, DEFAULT_MAX_PLAN_NODES, DeclarationGoals.NONE);
  }

  private Reducer(
      PrimitiveCatalog catalog,
      Path workingDirectory,
      long maxPlanNodes,
      DeclarationGoals declarationGoals) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    if (maxPlanNodes < 1) {
      throw new IllegalArgumentException(
          "the plan node limit must be positive, got " + maxPlanNodes);
    }
    this.maxPlanNodes = maxPlanNodes;
    this.declarationGoals = Objects.requireNonNull(declarationGoals, "declarationGoals");
  }

  /** This reducer, also making {@code goals} of the program's declarations. */
  public Reducer withDeclarationGoals(DeclarationGoals goals) {
    return new Reducer(catalog, workingDirectory, maxPlanNodes, goals);
  }

  /** A reducer over VoxLogicA-2's primitives, relative to the process's working directory. */
  public static Reducer standard() {
    return new Reducer(PrimitiveCatalog.voxLogicA2(), Path.of(""));
  }

  /**
   * This reducer, refusing programs whose plan has more than {@code nodes} nodes (a located error
   * at the command that crosses the limit).
   */
  public Reducer withMaxPlanNodes(long nodes) {
    return new Reducer(catalog, workingDirectory, nodes, declarationGoals);
  }

  /**
   * Reduces a program file. The name as given appears in error positions and decides the {@code
   * $}-variables; imports resolve relative to the file's directory.
   *
   * @throws SourceEncodingException if the file is not UTF-8 text
   * @throws IOException if the file cannot be read
   * @throws ImgqlSyntaxException if the program is not valid ImgQL
   * @throws ReduceException if the program cannot be reduced, or an import fails
   */
  public Plan reduceFile(Path file) throws IOException {
    Path absolute = workingDirectory.resolve(file).normalize();
    String name = file.toString();
    String text = SourceDecoder.decode(Files.readAllBytes(absolute), name);
    ImportFrame root =
        ImportFrame.root(Optional.of(ProgramReduction.identity(absolute)), directoryOf(file));
    return reduce(text, name, root);
  }

  /**
   * Reduces program text that did not come from a file; imports resolve against the working
   * directory. A leading byte-order mark is ignored, as in a file.
   *
   * @param sourceName the name used in positions and for the {@code $}-variables
   */
  public Plan reduceText(String text, String sourceName) {
    ImportFrame root = ImportFrame.root(Optional.empty(), Path.of(""));
    return reduce(SourceDecoder.withoutByteOrderMark(text), sourceName, root);
  }

  private Plan reduce(String text, String sourceName, ImportFrame root) {
    return onOwnStack(
        () -> {
          ProgramReduction reduction =
              new ProgramReduction(
                  catalog,
                  workingDirectory,
                  root,
                  sourceName,
                  text,
                  maxPlanNodes,
                  declarationGoals);
          return reduction.run(ImgqlParser.commands(text, sourceName));
        });
  }

  /** Runs {@code work} on a thread with a {@link #STACK_BYTES} stack and returns its result. */
  private static Plan onOwnStack(Supplier<Plan> work) {
    AtomicReference<Plan> plan = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reducer =
        new Thread(
            null,
            () -> {
              try {
                plan.set(work.get());
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            "voxbeam-reducer",
            STACK_BYTES);
    reducer.start();
    boolean interrupted = false;
    while (true) {
      try {
        reducer.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    return plan.get();
  }

  static Path directoryOf(Path file) {
    Path parent = file.getParent();
    return parent == null ? Path.of("") : parent;
  }
}
