package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.pipeline.execution.RunCancellation;

/** {@code voxbeam runs} tells the goals a cancelled run did not reach from failed ones. */
class CancelledRunCliTest {
  @TempDir Path dir;

  @Test
  void runsCountsTheGoalsOfACancelledRunAsCancelled() {
    Path store = dir.resolve("store");
    RunCancellation cancellation = new RunCancellation();
    cancellation.cancel();
    try (VoxBeam voxbeam = VoxBeam.open(store)) {
      voxbeam.run(
          VoxBeam.program("print \"a\" 1 + 2\nprint \"b\" 3 + 4", "two.imgql"),
          RunSettings.inProcess(),
          cancellation);
    }
    StringWriter out = new StringWriter();
    int code =
        VoxBeamCli.execute(
            new String[] {"runs", "--store", store.toString()},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertEquals(0, code);
    assertTrue(
        out.toString().contains("goals 0 materialized, 0 failed, 2 cancelled"), out.toString());
  }
}
