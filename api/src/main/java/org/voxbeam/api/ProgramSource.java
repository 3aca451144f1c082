package org.voxbeam.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonWriter;

/**
 * Which program a run ran, as its run record names it: a path (or the name of submitted source) and
 * the SHA-256 of its bytes, so a record says exactly what ran even after the file changed.
 *
 * @param path the program or plan file as given, or a submission's name
 * @param sha256 SHA-256 of the program's bytes, 64 lowercase hex digits
 */
public record ProgramSource(String path, String sha256) {
  public ProgramSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }

  /**
   * The program in {@code file}.
   *
   * @throws InvalidInputException if it cannot be read
   */
  public static ProgramSource file(Path file) {
    try {
      return new ProgramSource(file.toString(), Sha256.ofFile(file).hex());
    } catch (IOException e) {
      throw new InvalidInputException("cannot read program " + file + ": " + e.getMessage());
    }
  }

  /** Source text submitted under {@code name}. */
  public static ProgramSource text(String name, String source) {
    return new ProgramSource(name, Sha256.of(source));
  }

  /** A plan built in memory: its source name, and the SHA-256 of its VoxLogicA-2 JSON export. */
  public static ProgramSource of(Plan plan) {
    return text(plan.source(), PlanJsonWriter.write(plan));
  }
}
