package org.voxbeam.pipeline.reduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.lang.Command;
import org.voxbeam.pipeline.lang.ImgqlParser;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.lang.Program;
import org.voxbeam.pipeline.lang.SourceDecoder;
import org.voxbeam.pipeline.lang.SourceEncodingException;
import org.voxbeam.pipeline.lang.SourcePosition;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * One reduction of one program: commands run in source order, each import's commands run before the
 * command after the import (as VoxLogicA-2 queues them), declarations extend the environment, and
 * {@code print}/{@code save} add goals.
 *
 * <p>Each namespace and each file is imported once; a file importing itself, directly or through
 * others, is an error rather than a silent repetition.
 */
final class ProgramReduction {
  private static final Logger LOG = LoggerFactory.getLogger(ProgramReduction.class);

  /** A command and the source it came from. */
  private record Queued(Command command, ImportFrame frame) {}

  private final PrimitiveCatalog catalog;
  private final Path workingDirectory;
  private final ImportFrame root;
  private final String sourceName;
  private final PlanBuilder plan = new PlanBuilder();
  private final SourceTexts sources = new SourceTexts();
  private final List<String> importedNamespaces = new ArrayList<>();
  private final Set<String> seenNamespaces = new HashSet<>();
  private final Set<Path> seenFiles = new HashSet<>();
  private final Diagnostics diagnostics;
  private final ExpressionReducer expressions;
  private final DeclarationGoals declarationGoals;
  private final Map<String, NodeId> declared = new LinkedHashMap<>();

  /** How deeply files may import files: far beyond any real program, and bounded. */
  static final int MAX_IMPORT_DEPTH = 100;

  ProgramReduction(
      PrimitiveCatalog catalog,
      Path workingDirectory,
      ImportFrame root,
      String sourceName,
      String text,
      long maxPlanNodes,
      DeclarationGoals declarationGoals) {
    this.declarationGoals = declarationGoals;
    this.catalog = catalog;
    this.workingDirectory = workingDirectory;
    this.root = root;
    this.sourceName = sourceName;
    sources.add(sourceName, text);
    root.file().ifPresent(seenFiles::add);
    this.diagnostics = new Diagnostics(sources, root, new SourcePosition(sourceName, 1, 1));
    this.expressions =
        new ExpressionReducer(catalog, plan, importedNamespaces, diagnostics, maxPlanNodes);
  }

  /**
   * Reduces the program's commands as they come: an import's commands run before the next command
   * of the file that imported it. The root program is read lazily, so a plan limit crossed early in
   * a huge program stops the reading there too.
   */
  Plan run(Iterator<Command> commands) {
    Environment env = seedProgramVariables();
    Deque<Queued> queue = new ArrayDeque<>();
    while (!queue.isEmpty() || commands.hasNext()) {
      Queued next = queue.isEmpty() ? new Queued(commands.next(), root) : queue.removeFirst();
      diagnostics.enter(next.frame(), next.command().position());
      env = reduceCommand(env, next, queue);
    }
    declarationGoals.addTo(plan, declared, sourceName);
    return plan.build(sourceName);
  }

  private Environment seedProgramVariables() {
    Environment env = Environment.empty();
    for (Map.Entry<String, String> variable :
        ProgramVariables.of(sourceName, workingDirectory).bindings().entrySet()) {
      NodeId id = expressions.constant(JsonValue.of(variable.getValue()));
      env = env.declare(variable.getKey(), new Binding.Value(id));
    }
    return env;
  }

  private Environment reduceCommand(Environment env, Queued queued, Deque<Queued> queue) {
    Command command = queued.command();
    if (command instanceof Command.Declaration declaration) {
      expressions.checkNotReserved(declaration.name(), declaration.position(), CallStack.EMPTY);
      if (declaration.parameters().isEmpty()) {
        NodeId id = expressions.reduce(env, declaration.body(), CallStack.EMPTY);
        declared.put(declaration.name(), id);
        return env.declare(declaration.name(), new Binding.Value(id));
      }
      return env.declare(
          declaration.name(),
          new Binding.Function(env, declaration.parameters(), declaration.body()));
    }
    if (command instanceof Command.Print print) {
      plan.addGoal(
          Goal.Operation.PRINT,
          expressions.reduce(env, print.expression(), CallStack.EMPTY),
          print.label());
    } else if (command instanceof Command.Save save) {
      plan.addGoal(
          Goal.Operation.SAVE,
          expressions.reduce(env, save.expression(), CallStack.EMPTY),
          save.path());
    } else if (command instanceof Command.Import anImport) {
      pushFront(queue, importCommands(anImport, queued.frame()));
    }
    return env;
  }

  private List<Queued> importCommands(Command.Import anImport, ImportFrame frame) {
    String target = anImport.target().strip();
    boolean namespace =
        !target.contains(".") && !target.contains("/") && !target.endsWith(".imgql");
    return namespace
        ? importNamespace(target, anImport, frame)
        : importFile(target, anImport, frame);
  }

  private List<Queued> importNamespace(
      String namespace, Command.Import anImport, ImportFrame frame) {
    if (!seenNamespaces.add(namespace)) {
      return List.of();
    }
    if (!catalog.hasNamespace(namespace)) {
      throw diagnostics.error(
          anImport.position(),
          "unknown namespace '"
              + namespace
              + "' (known: "
              + String.join(", ", catalog.namespaces())
              + "); to import a file, give its name with the .imgql extension");
    }
    if (!importedNamespaces.contains(namespace)) {
      importedNamespaces.add(namespace);
    }
    Optional<PrimitiveCatalog.LibrarySource> library = catalog.library(namespace);
    if (library.isEmpty()) {
      return List.of();
    }
    LOG.debug("importing the {} library", namespace);
    sources.add(library.get().sourceName(), library.get().text());
    Program program = ImgqlParser.parseProgram(library.get().text(), library.get().sourceName());
    ImportFrame child = frame.child(Optional.empty(), frame.directory(), anImport.position());
    return program.commands().stream().map(command -> new Queued(command, child)).toList();
  }

  private List<Queued> importFile(String target, Command.Import anImport, ImportFrame frame) {
    Path display = frame.directory().resolve(target).normalize();
    Path identity = identity(workingDirectory.resolve(display));
    if (frame.isOnChain(identity)) {
      throw diagnostics.error(
          anImport.position(),
          "import cycle: '" + target + "' imports itself, directly or through other files");
    }
    if (!seenFiles.add(identity)) {
      return List.of();
    }
    if (frame.depth() >= MAX_IMPORT_DEPTH) {
      throw diagnostics.error(
          anImport.position(), "imports nest more than " + MAX_IMPORT_DEPTH + " files deep");
    }
    String text;
    try {
      text = SourceDecoder.decode(Files.readAllBytes(identity), display.toString());
    } catch (SourceEncodingException e) {
      throw diagnostics.error(
          anImport.position(), "cannot read imported file '" + display + "': " + e.getMessage());
    } catch (IOException e) {
      throw diagnostics.error(anImport.position(), "cannot read imported file '" + display + "'");
    }
    String name = display.toString();
    sources.add(name, text);
    ImportFrame child =
        frame.child(Optional.of(identity), Reducer.directoryOf(display), anImport.position());
    Program program;
    try {
      program = ImgqlParser.parseProgram(text, name);
    } catch (ImgqlSyntaxException e) {
      throw new ReduceException(e.position(), e.problem(), e.lineText(), child.describe());
    }
    LOG.debug("importing {} ({} commands)", name, program.commands().size());
    return program.commands().stream().map(command -> new Queued(command, child)).toList();
  }

  private static void pushFront(Deque<Queued> queue, List<Queued> commands) {
    for (int i = commands.size() - 1; i >= 0; i--) {
      queue.addFirst(commands.get(i));
    }
  }

  /** The canonical path that identifies a file, so two spellings of it are one import. */
  static Path identity(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}
