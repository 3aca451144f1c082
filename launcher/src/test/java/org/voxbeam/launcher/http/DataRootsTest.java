package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootsTest {
  @TempDir Path dir;

  @Test
  void pathsInsideARootAreAllowedAndEscapesAreNot() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(dir.resolve("outside"));
    DataRoots roots = new DataRoots(List.of(root));

    assertEquals(Optional.of(root.toRealPath().resolve("out/a.txt")), roots.resolve("out/a.txt"));
    assertTrue(roots.resolve("../outside/a.txt").isEmpty());
    assertTrue(roots.resolve("out/../../outside/a.txt").isEmpty());
    assertTrue(roots.resolve(dir.resolve("outside/a.txt").toString()).isEmpty());
    assertTrue(roots.resolve("bad\0name").isEmpty());
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefused() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    try {
      Files.createSymbolicLink(root.resolve("link"), outside);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not available here");
    }
    DataRoots roots = new DataRoots(List.of(root));
    assertTrue(roots.resolve("link/a.txt").isEmpty());
    assertTrue(roots.resolve("link").isEmpty());
  }

  @Test
  void noRootsAllowNothing() throws IOException {
    assertTrue(new DataRoots(List.of()).resolve("a.txt").isEmpty());
  }

  @Test
  void aFileReachedThroughALinkToARootIsInsideIt() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve("a.txt"), "a");
    Path link = dir.resolve("link");
    try {
      Files.createSymbolicLink(link, root);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not available here");
    }
    DataRoots roots = new DataRoots(List.of(root));

    assertTrue(roots.contains(link.resolve("a.txt")));
    assertTrue(roots.contains(link.resolve("not-yet.txt")));
    assertTrue(!roots.contains(dir.resolve("elsewhere.txt")));
    assertTrue(!roots.contains(link.resolve("../elsewhere.txt")));
    assertEquals(
        Optional.of(link.resolve("a.txt")),
        roots.resolve(link.resolve("a.txt").toString()),
        "a program may name a file by a path through a link to a root");
    assertTrue(roots.resolve(link.resolve("../elsewhere.txt").toString()).isEmpty());
  }
}
