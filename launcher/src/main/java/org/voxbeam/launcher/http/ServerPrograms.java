package org.voxbeam.launcher.http;

import java.nio.file.Path;
import org.voxbeam.pipeline.lang.Command;
import org.voxbeam.pipeline.lang.ImgqlParser;
import org.voxbeam.pipeline.lang.Program;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.PrimitiveCatalog;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * Reduces ImgQL programs submitted over HTTP. File imports resolve against the first data root and
 * must stay inside the data roots; with no root configured only namespace imports ({@code import
 * "vox1"}) are allowed. Files imported from inside a root are trusted as the operator put them
 * there.
 */
final class ServerPrograms {

  private final DataRoots roots;
  private final Reducer reducer;

  ServerPrograms(DataRoots roots) {
    this.roots = roots;
    this.reducer = new Reducer(PrimitiveCatalog.voxLogicA2(), roots.primary().orElse(Path.of("")));
  }

  Plan reduce(String source, String name, long maxPlanNodes) {
    Program program = ImgqlParser.parseProgram(source, name);
    for (Command command : program.commands()) {
      if (command instanceof Command.Import imported
          && isFile(imported.target())
          && roots.resolve(imported.target()).isEmpty()) {
        throw ApiException.badRequest(
            "import_outside_data_roots",
            imported.position()
                + ": import \""
                + imported.target()
                + "\" is outside the server's data roots");
      }
    }
    return reducer.withMaxPlanNodes(maxPlanNodes).reduceText(source, name);
  }

  /** The reducer's rule: a namespace is a bare word; anything with a dot or slash is a file. */
  private static boolean isFile(String target) {
    return target.contains(".") || target.contains("/") || target.contains("\\");
  }
}
