package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar's default follows standard error, not standard output. */
class ProgressOptionsTest {
  @TempDir Path dir;

  @Test
  void aDescriptorOnATerminalDeviceIsATerminalAndOneOnAFileIsNot() throws Exception {
    Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
    Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
    Path file = Files.createSymbolicLink(dir.resolve("file"), dir.resolve("log.txt"));
    Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
    assertTrue(ProgressOptions.stderrIsTerminal(pts));
    assertTrue(ProgressOptions.stderrIsTerminal(tty));
    assertFalse(ProgressOptions.stderrIsTerminal(file));
    assertFalse(ProgressOptions.stderrIsTerminal(pipe));
  }
}
