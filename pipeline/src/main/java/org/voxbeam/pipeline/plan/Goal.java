package org.voxbeam.pipeline.plan;

import java.util.Objects;
import org.voxbeam.kernel.node.NodeId;

/**
 * What a run must deliver: a node's value, printed under a name ({@code print}) or written to a
 * file ({@code save}, where the name is the path).
 */
public record Goal(Operation operation, NodeId id, String name) {
  /** What to do with a goal's value once it is materialized. */
  public enum Operation {
    PRINT("print"),
    SAVE("save");

    private final String wireName;

    Operation(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** The operation VoxLogicA-2 calls {@code name}, if any. */
    public static java.util.Optional<Operation> fromWireName(String name) {
      for (Operation operation : values()) {
        if (operation.wireName.equals(name)) {
          return java.util.Optional.of(operation);
        }
      }
      return java.util.Optional.empty();
    }
  }

  public Goal {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
